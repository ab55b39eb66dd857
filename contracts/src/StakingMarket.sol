// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Staking market: stake HEU or esHEU into GPU nodes, operators set a bribe
/// @notice A node is a miner ID `0x<operator address>[-<tag>]`; its id is keccak256 of the string
/// and its operator is the address it starts with. HEU and esHEU count 1:1 as stake (stHEU).
/// Unstaked HEU waits `LOCK_PERIOD` in a lock; esHEU leaves at once; stake moves between nodes at
/// once. A bribe (share of the node's rewards paid to its stakers) changes at the next epoch.
contract StakingMarket is ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Token {
        HEU,
        ESHEU
    }

    struct Lock {
        address owner;
        uint64 unlockAt;
        bool withdrawn;
        uint256 amount;
    }

    struct Bribe {
        uint16 current;
        uint16 pending;
        uint64 effectiveEpoch;
        bool hasPending;
    }

    /// @notice How long unstaked HEU stays locked.
    uint64 public constant LOCK_PERIOD = 30 days;
    /// @notice Start of epoch 0: 1970-01-02 00:00 UTC, a Friday.
    uint256 public constant EPOCH_ORIGIN = 86400;
    /// @notice Epochs are weekly.
    uint256 public constant EPOCH_LENGTH = 7 days;
    /// @notice 100% in basis points.
    uint16 public constant MAX_BRIBE_BPS = 10_000;
    /// @notice Longest accepted miner ID, in bytes.
    uint256 public constant MAX_MINER_ID_LENGTH = 120;

    IERC20 public immutable heu;
    IERC20 public immutable esHeu;

    mapping(bytes32 nodeId => mapping(address staker => uint256[2])) private _stakes;
    mapping(bytes32 nodeId => uint256) private _nodeStake;
    mapping(uint256 lockId => Lock) private _locks;
    mapping(bytes32 nodeId => Bribe) private _bribes;
    uint256 private _lastLockId;

    event Staked(bytes32 indexed nodeId, address indexed staker, uint8 token, uint256 amount, string minerId);
    event Unstaked(
        bytes32 indexed nodeId,
        address indexed staker,
        uint8 token,
        uint256 amount,
        uint256 lockId,
        uint64 unlockAt,
        string minerId
    );
    event Withdrawn(uint256 indexed lockId, address indexed staker, uint256 amount);
    event StakeMoved(
        bytes32 indexed fromNodeId,
        bytes32 indexed toNodeId,
        address indexed staker,
        uint8 token,
        uint256 amount,
        string fromMinerId,
        string toMinerId
    );
    event BribeSet(
        bytes32 indexed nodeId, address indexed operator, uint16 bps, uint64 effectiveEpoch, uint64 effectiveAt, string minerId
    );

    error ZeroAmount();
    error InvalidMinerId();
    error InvalidToken(uint8 token);
    error InsufficientStake(uint256 available, uint256 requested);
    error NotOperator(address caller, address operator);
    error BribeTooHigh(uint16 bps);
    error StillLocked(uint64 unlockAt);
    error NotLockOwner(address caller);
    error AlreadyWithdrawn(uint256 lockId);
    error UnknownLock(uint256 lockId);
    error SameNode();
    error ZeroStaker();

    constructor(IERC20 heu_, IERC20 esHeu_) {
        heu = heu_;
        esHeu = esHeu_;
    }

    // ---------------------------------------------------------------- staking

    /// @notice Stakes `amount` of `token` (0 = HEU, 1 = esHEU) from the caller into node `minerId`.
    /// @dev Needs an allowance for this contract on the token.
    function stake(string calldata minerId, uint8 token, uint256 amount) external nonReentrant {
        _stake(msg.sender, minerId, token, amount);
    }

    /// @notice Stakes `amount` of `token` from the caller into node `minerId` as `staker`'s stake:
    /// only `staker` can unstake or move it (the reward distributor's claim-and-stake).
    /// @dev Needs an allowance for this contract on the token.
    function stakeFor(address staker, string calldata minerId, uint8 token, uint256 amount) external nonReentrant {
        if (staker == address(0)) revert ZeroStaker();
        _stake(staker, minerId, token, amount);
    }

    /// @notice Takes `amount` of the caller's `token` stake out of node `minerId`.
    /// @dev esHEU is sent back at once (returns lockId 0). HEU stops counting as stake at once and
    /// goes into a new lock withdrawable after `LOCK_PERIOD`.
    /// @return lockId The new lock's id for HEU, 0 for esHEU.
    function unstake(string calldata minerId, uint8 token, uint256 amount)
        external
        nonReentrant
        returns (uint256 lockId)
    {
        bytes32 nodeId = _nodeIdOrRevert(minerId);
        IERC20 t = _tokenOrRevert(token);
        _debit(nodeId, token, amount);
        _nodeStake[nodeId] -= amount;
        uint64 unlockAt;
        if (token == uint8(Token.HEU)) {
            lockId = ++_lastLockId;
            unlockAt = uint64(block.timestamp) + LOCK_PERIOD;
            _locks[lockId] = Lock({owner: msg.sender, unlockAt: unlockAt, withdrawn: false, amount: amount});
        } else {
            t.safeTransfer(msg.sender, amount);
        }
        emit Unstaked(nodeId, msg.sender, token, amount, lockId, unlockAt, minerId);
    }

    /// @notice Pays out a lock of unstaked HEU to its owner once it has unlocked.
    function withdraw(uint256 lockId) external nonReentrant {
        Lock storage lock = _locks[lockId];
        if (lock.owner == address(0)) revert UnknownLock(lockId);
        if (lock.owner != msg.sender) revert NotLockOwner(msg.sender);
        if (lock.withdrawn) revert AlreadyWithdrawn(lockId);
        if (block.timestamp < lock.unlockAt) revert StillLocked(lock.unlockAt);
        lock.withdrawn = true;
        heu.safeTransfer(msg.sender, lock.amount);
        emit Withdrawn(lockId, msg.sender, lock.amount);
    }

    /// @notice Moves `amount` of the caller's staked `token` from one node to another, at once.
    /// @dev Only stake currently in the source node can move; locked HEU cannot.
    function moveStake(string calldata fromMinerId, string calldata toMinerId, uint8 token, uint256 amount)
        external
        nonReentrant
    {
        bytes32 fromNodeId = _nodeIdOrRevert(fromMinerId);
        bytes32 toNodeId = _nodeIdOrRevert(toMinerId);
        _tokenOrRevert(token);
        if (fromNodeId == toNodeId) revert SameNode();
        _debit(fromNodeId, token, amount);
        _nodeStake[fromNodeId] -= amount;
        _stakes[toNodeId][msg.sender][token] += amount;
        _nodeStake[toNodeId] += amount;
        emit StakeMoved(fromNodeId, toNodeId, msg.sender, token, amount, fromMinerId, toMinerId);
    }

    // ---------------------------------------------------------------- bribes

    /// @notice Sets node `minerId`'s bribe to `bps` basis points from the start of the next epoch.
    /// @dev Only the node's operator. Setting again before then replaces the pending value.
    function setBribe(string calldata minerId, uint16 bps) external {
        address operator = operatorOf(minerId);
        if (msg.sender != operator) revert NotOperator(msg.sender, operator);
        if (bps > MAX_BRIBE_BPS) revert BribeTooHigh(bps);
        bytes32 nodeId = _nodeIdOrRevert(minerId);
        Bribe storage b = _bribes[nodeId];
        uint256 epoch = currentEpoch();
        if (b.hasPending && epoch >= b.effectiveEpoch) b.current = b.pending;
        uint64 effectiveEpoch = uint64(epoch + 1);
        b.pending = bps;
        b.effectiveEpoch = effectiveEpoch;
        b.hasPending = true;
        emit BribeSet(nodeId, operator, bps, effectiveEpoch, uint64(epochStart(effectiveEpoch)), minerId);
    }

    /// @notice The bribe in force now, in basis points (0 for nodes that never set one).
    function bribeOf(bytes32 nodeId) external view returns (uint16 bps) {
        Bribe storage b = _bribes[nodeId];
        return b.hasPending && currentEpoch() >= b.effectiveEpoch ? b.pending : b.current;
    }

    /// @notice A bribe change that is set but not yet in force.
    /// @return bps The new value.
    /// @return effectiveEpoch The epoch it takes effect in.
    /// @return exists False when no change is waiting (all values 0).
    function pendingBribe(bytes32 nodeId) external view returns (uint16 bps, uint64 effectiveEpoch, bool exists) {
        Bribe storage b = _bribes[nodeId];
        if (!b.hasPending || currentEpoch() >= b.effectiveEpoch) return (0, 0, false);
        return (b.pending, b.effectiveEpoch, true);
    }

    /// @notice The current epoch number (weekly, from Friday 00:00 UTC).
    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - EPOCH_ORIGIN) / EPOCH_LENGTH;
    }

    /// @notice Unix time at which `epoch` starts.
    function epochStart(uint256 epoch) public pure returns (uint256) {
        return EPOCH_ORIGIN + epoch * EPOCH_LENGTH;
    }

    // ---------------------------------------------------------------- views

    /// @notice `staker`'s current stake of `token` in node `nodeId` (locked HEU not included).
    function stakeOf(bytes32 nodeId, address staker, uint8 token) external view returns (uint256) {
        _tokenOrRevert(token);
        return _stakes[nodeId][staker][token];
    }

    /// @notice Total stake (HEU + esHEU) in node `nodeId`.
    function nodeStake(bytes32 nodeId) external view returns (uint256) {
        return _nodeStake[nodeId];
    }

    /// @notice A lock of unstaked HEU (all zero for an unknown id).
    function lockOf(uint256 lockId)
        external
        view
        returns (address owner, uint256 amount, uint64 unlockAt, bool withdrawn)
    {
        Lock storage lock = _locks[lockId];
        return (lock.owner, lock.amount, lock.unlockAt, lock.withdrawn);
    }

    /// @notice The node id of `minerId`: keccak256 of its bytes lower-cased, so every spelling of one
    /// miner ID (the portal lower-cases them) is the same node. Reverts `InvalidMinerId` for a malformed id.
    function nodeIdOf(string calldata minerId) external pure returns (bytes32) {
        return _nodeIdOrRevert(minerId);
    }

    /// @notice The operator of `minerId`: the address it starts with (hex read case-insensitively).
    /// @dev Reverts `InvalidMinerId` unless `minerId` matches `^(0x[a-fA-F0-9]{40})(-[A-Za-z0-9_]+)?$`
    /// and is at most `MAX_MINER_ID_LENGTH` bytes.
    function operatorOf(string calldata minerId) public pure returns (address) {
        bytes calldata s = bytes(minerId);
        uint256 len = s.length;
        if (len < 42 || len > MAX_MINER_ID_LENGTH || len == 43) revert InvalidMinerId();
        if (s[0] != "0" || s[1] != "x") revert InvalidMinerId();
        uint160 value;
        for (uint256 i = 2; i < 42; ++i) {
            value = (value << 4) | _hexDigit(s[i]);
        }
        if (len > 42) {
            if (s[42] != "-") revert InvalidMinerId();
            for (uint256 i = 43; i < len; ++i) {
                if (!_isTagChar(s[i])) revert InvalidMinerId();
            }
        }
        return address(value);
    }

    // ---------------------------------------------------------------- internals

    function _nodeIdOrRevert(string calldata minerId) private pure returns (bytes32) {
        operatorOf(minerId);
        bytes memory lower = bytes(minerId);
        for (uint256 i = 0; i < lower.length; ++i) {
            uint8 b = uint8(lower[i]);
            if (b >= 0x41 && b <= 0x5a) lower[i] = bytes1(b + 32); // A-Z → a-z
        }
        return keccak256(lower);
    }

    function _stake(address staker, string calldata minerId, uint8 token, uint256 amount) private {
        bytes32 nodeId = _nodeIdOrRevert(minerId);
        IERC20 t = _tokenOrRevert(token);
        if (amount == 0) revert ZeroAmount();
        t.safeTransferFrom(msg.sender, address(this), amount);
        _stakes[nodeId][staker][token] += amount;
        _nodeStake[nodeId] += amount;
        emit Staked(nodeId, staker, token, amount, minerId);
    }

    function _tokenOrRevert(uint8 token) private view returns (IERC20) {
        if (token == uint8(Token.HEU)) return heu;
        if (token == uint8(Token.ESHEU)) return esHeu;
        revert InvalidToken(token);
    }

    function _debit(bytes32 nodeId, uint8 token, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        uint256 available = _stakes[nodeId][msg.sender][token];
        if (available < amount) revert InsufficientStake(available, amount);
        _stakes[nodeId][msg.sender][token] = available - amount;
    }

    function _hexDigit(bytes1 c) private pure returns (uint160) {
        uint8 b = uint8(c);
        if (b >= 0x30 && b <= 0x39) return b - 0x30; // 0-9
        if (b >= 0x61 && b <= 0x66) return b - 0x57; // a-f
        if (b >= 0x41 && b <= 0x46) return b - 0x37; // A-F
        revert InvalidMinerId();
    }

    function _isTagChar(bytes1 c) private pure returns (bool) {
        uint8 b = uint8(c);
        return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f;
    }
}
