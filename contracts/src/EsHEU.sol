// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title esHEU, escrowed HEU paid as mining rewards
/// @notice Every esHEU is backed 1:1 by HEU held here. Each grant vests linearly over one year;
/// vested esHEU is claimed by burning it for the same amount of HEU. esHEU moves only to or from
/// whitelisted addresses (the staking market), so it can be staked but not traded. The owner and
/// the granters it names (the reward distributor) make grants.
contract EsHEU is ERC20, Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Vesting duration of every grant.
    uint64 public constant VESTING_PERIOD = 365 days;

    struct Grant {
        uint128 amount;
        uint128 claimed;
        uint64 start;
        uint64 end;
    }

    /// @notice The HEU that backs esHEU and is paid out on claim.
    IERC20 public immutable heu;

    mapping(address account => Grant[]) private _grants;
    mapping(address account => bool) private _transferable;
    mapping(address account => bool) private _granters;

    event Granted(address indexed account, uint256 indexed grantId, uint256 amount, uint64 start, uint64 end);
    event Claimed(address indexed account, uint256 amount);
    event TransferableSet(address indexed account, bool allowed);
    event GranterSet(address indexed account, bool allowed);

    error ZeroAmount();
    error NothingToClaim();
    error TransferNotAllowed(address from, address to);
    error NotGranter(address caller);
    error InvalidHolder(address holder);

    constructor(IERC20 heu_) ERC20("Escrowed HEU", "esHEU") Ownable(msg.sender) {
        heu = heu_;
    }

    /// @notice Grants `amount` esHEU to `to`, vesting linearly from now over `VESTING_PERIOD`.
    /// @dev Only the owner or a granter. Pulls the same amount of HEU from the caller as backing (needs allowance).
    /// @param to Receiver of the grant.
    /// @param amount Amount in wei (18 decimals).
    /// @return grantId Index of the grant in `to`'s grant list.
    function grant(address to, uint256 amount) external nonReentrant returns (uint256 grantId) {
        return _grant(to, to, amount, uint64(block.timestamp));
    }

    /// @notice Grants `amount` esHEU to `to`, vesting linearly from `start` over `VESTING_PERIOD`
    /// (an epoch's reward vests from the epoch's end, whenever it is claimed).
    /// @dev Only the owner or a granter; pulls the backing HEU from the caller. The esHEU is minted
    /// to `holder`: `to` itself, or the caller when it stakes the grant for `to` at once.
    /// @return grantId Index of the grant in `to`'s grant list.
    function grantVesting(address to, address holder, uint256 amount, uint64 start)
        external
        nonReentrant
        returns (uint256 grantId)
    {
        if (holder != to && holder != msg.sender) revert InvalidHolder(holder);
        return _grant(to, holder, amount, start);
    }

    /// @notice Burns the caller's claimable esHEU and pays the same amount of HEU.
    /// @dev Reverts `NothingToClaim` when nothing is claimable (including when vested esHEU is staked).
    /// @return amount Amount claimed.
    function claim() external nonReentrant returns (uint256 amount) {
        amount = claimable(msg.sender);
        if (amount == 0) revert NothingToClaim();
        Grant[] storage grants = _grants[msg.sender];
        uint256 left = amount;
        for (uint256 i = 0; i < grants.length && left > 0; ++i) {
            Grant storage g = grants[i];
            uint256 open = _vested(g) - g.claimed;
            uint256 take = open < left ? open : left;
            g.claimed += uint128(take);
            left -= take;
        }
        _burn(msg.sender, amount);
        heu.safeTransfer(msg.sender, amount);
        emit Claimed(msg.sender, amount);
    }

    /// @notice Allows or forbids esHEU transfers to and from `account`.
    /// @dev Only the owner. Meant for the staking market.
    function setTransferable(address account, bool allowed) external onlyOwner {
        _transferable[account] = allowed;
        emit TransferableSet(account, allowed);
    }

    /// @notice Allows or forbids `account` to make grants (the reward distributor).
    /// @dev Only the owner.
    function setGranter(address account, bool allowed) external onlyOwner {
        _granters[account] = allowed;
        emit GranterSet(account, allowed);
    }

    /// @notice Whether `account` may make grants besides the owner.
    function isGranter(address account) external view returns (bool) {
        return _granters[account];
    }

    /// @notice Whether esHEU may move to or from `account`.
    function isTransferable(address account) external view returns (bool) {
        return _transferable[account];
    }

    /// @notice Vested and unclaimed esHEU of `account`, capped by its esHEU balance.
    function claimable(address account) public view returns (uint256 amount) {
        Grant[] storage grants = _grants[account];
        for (uint256 i = 0; i < grants.length; ++i) {
            amount += _vested(grants[i]) - grants[i].claimed;
        }
        uint256 balance = balanceOf(account);
        if (amount > balance) amount = balance;
    }

    /// @notice Number of grants `account` has received.
    function grantCount(address account) external view returns (uint256) {
        return _grants[account].length;
    }

    /// @notice One grant of `account`.
    /// @return amount Granted amount.
    /// @return claimed Amount already claimed from this grant.
    /// @return start Vesting start (unix seconds).
    /// @return end Vesting end (unix seconds); fully vested from then on.
    function grantOf(address account, uint256 grantId)
        external
        view
        returns (uint256 amount, uint256 claimed, uint64 start, uint64 end)
    {
        Grant storage g = _grants[account][grantId];
        return (g.amount, g.claimed, g.start, g.end);
    }

    function _grant(address to, address holder, uint256 amount, uint64 start) private returns (uint256 grantId) {
        if (msg.sender != owner() && !_granters[msg.sender]) revert NotGranter(msg.sender);
        if (amount == 0) revert ZeroAmount();
        heu.safeTransferFrom(msg.sender, address(this), amount);
        uint64 end = start + VESTING_PERIOD;
        grantId = _grants[to].length;
        _grants[to].push(Grant({amount: SafeCast.toUint128(amount), claimed: 0, start: start, end: end}));
        _mint(holder, amount);
        emit Granted(to, grantId, amount, start, end);
    }

    function _vested(Grant storage g) private view returns (uint256) {
        if (block.timestamp <= g.start) return 0;
        if (block.timestamp >= g.end) return g.amount;
        return (uint256(g.amount) * (block.timestamp - g.start)) / (g.end - g.start);
    }

    /// @dev Mint and burn always pass; a transfer needs a whitelisted side.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && !_transferable[from] && !_transferable[to]) {
            revert TransferNotAllowed(from, to);
        }
        super._update(from, to, value);
    }
}
