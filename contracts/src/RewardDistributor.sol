// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {EsHEU} from "./EsHEU.sol";
import {StakingMarket} from "./StakingMarket.sol";

/// @title Reward distributor: one Merkle root per settled epoch, claimed as vesting esHEU
/// @notice The operator publishes each settled epoch's root with the sum of its grants and funds
/// it in the same transaction, so the contract holds exactly what the epoch's recipients can claim.
/// A recipient claims its amount once, as esHEU vesting for a year from the epoch's end, into its
/// wallet or staked straight into a node in its own name (auto-compounding).
/// @dev Leaves are OpenZeppelin's standard Merkle tree leaves of (address account, uint256 amount):
/// keccak256(bytes.concat(keccak256(abi.encode(account, amount)))), pairs hashed sorted.
contract RewardDistributor is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    uint8 private constant ESHEU_TOKEN = 1;

    struct EpochRoot {
        bytes32 root;
        uint128 total;
        uint128 claimed;
        uint64 vestStart;
    }

    /// @notice One claim of a batch: an epoch, the amount of its leaf and its proof.
    struct ClaimInput {
        uint256 epoch;
        uint256 amount;
        bytes32[] proof;
    }

    IERC20 public immutable heu;
    EsHEU public immutable esHeu;
    StakingMarket public immutable market;

    mapping(uint256 epoch => EpochRoot) private _epochs;
    mapping(uint256 epoch => mapping(address account => bool)) private _claimed;

    event RootPublished(uint256 indexed epoch, bytes32 root, uint256 total, uint64 vestStart);
    /// @param minerId The node the claim was staked into; empty when claimed to the wallet.
    event Claimed(uint256 indexed epoch, address indexed account, uint256 amount, string minerId);

    error ZeroRoot();
    error ZeroAmount();
    error RootAlreadyPublished(uint256 epoch);
    error UnknownEpoch(uint256 epoch);
    error AlreadyClaimed(uint256 epoch, address account);
    /// @notice No leaf (account, amount) under the epoch's root: a wrong amount or a wrong proof.
    error InvalidProof(uint256 epoch, address account, uint256 amount);
    /// @notice A root whose leaves add up to more than it was funded with.
    error ExceedsEpochTotal(uint256 epoch, uint256 left, uint256 amount);

    constructor(IERC20 heu_, EsHEU esHeu_, StakingMarket market_) Ownable(msg.sender) {
        heu = heu_;
        esHeu = esHeu_;
        market = market_;
    }

    /// @notice Publishes epoch `epoch`'s root and funds it: pulls `total` HEU from the caller.
    /// @dev Only the owner; once per epoch. `vestStart` is the epoch's end (unix seconds).
    function publishRoot(uint256 epoch, bytes32 root, uint256 total, uint64 vestStart) external onlyOwner nonReentrant {
        if (root == bytes32(0)) revert ZeroRoot();
        if (total == 0) revert ZeroAmount();
        if (_epochs[epoch].root != bytes32(0)) revert RootAlreadyPublished(epoch);
        _epochs[epoch] = EpochRoot({root: root, total: SafeCast.toUint128(total), claimed: 0, vestStart: vestStart});
        heu.safeTransferFrom(msg.sender, address(this), total);
        emit RootPublished(epoch, root, total, vestStart);
    }

    /// @notice Claims the caller's `amount` of epoch `epoch` as esHEU vesting from the epoch's end.
    function claim(uint256 epoch, uint256 amount, bytes32[] calldata proof) external nonReentrant {
        _claim(epoch, amount, proof, "");
    }

    /// @notice Claims as `claim` does and stakes the esHEU into node `minerId` in the caller's name.
    function claimAndStake(uint256 epoch, uint256 amount, bytes32[] calldata proof, string calldata minerId)
        external
        nonReentrant
    {
        _claim(epoch, amount, proof, minerId);
    }

    /// @notice Several epochs in one transaction; staked into `minerId`, or to the wallet when it is empty.
    function claimMany(ClaimInput[] calldata claims, string calldata minerId) external nonReentrant {
        for (uint256 i = 0; i < claims.length; ++i) {
            _claim(claims[i].epoch, claims[i].amount, claims[i].proof, minerId);
        }
    }

    /// @notice Epoch `epoch`'s root, funded total, amount claimed so far and vesting start.
    function epochOf(uint256 epoch) external view returns (bytes32 root, uint256 total, uint256 claimed, uint64 vestStart) {
        EpochRoot storage e = _epochs[epoch];
        return (e.root, e.total, e.claimed, e.vestStart);
    }

    /// @notice Whether `account` has claimed its amount of epoch `epoch`.
    function isClaimed(uint256 epoch, address account) external view returns (bool) {
        return _claimed[epoch][account];
    }

    function _claim(uint256 epoch, uint256 amount, bytes32[] calldata proof, string memory minerId) private {
        EpochRoot storage e = _epochs[epoch];
        if (e.root == bytes32(0)) revert UnknownEpoch(epoch);
        if (_claimed[epoch][msg.sender]) revert AlreadyClaimed(epoch, msg.sender);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(msg.sender, amount))));
        if (amount == 0 || !MerkleProof.verifyCalldata(proof, e.root, leaf)) revert InvalidProof(epoch, msg.sender, amount);
        uint256 left = e.total - e.claimed;
        if (amount > left) revert ExceedsEpochTotal(epoch, left, amount);
        _claimed[epoch][msg.sender] = true;
        e.claimed += uint128(amount);

        heu.forceApprove(address(esHeu), amount);
        bool stake = bytes(minerId).length > 0;
        esHeu.grantVesting(msg.sender, stake ? address(this) : msg.sender, amount, e.vestStart);
        if (stake) {
            IERC20(address(esHeu)).forceApprove(address(market), amount);
            market.stakeFor(msg.sender, minerId, ESHEU_TOKEN, amount);
        }
        emit Claimed(epoch, msg.sender, amount, minerId);
    }
}
