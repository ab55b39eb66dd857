// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title HEU, the Heurist network token (local and test deployments)
/// @notice A plain 18-decimal ERC-20 whose supply is minted by the owner.
contract HEU is ERC20, Ownable {
    constructor() ERC20("Heurist", "HEU") Ownable(msg.sender) {}

    /// @notice Mints `amount` HEU to `to`.
    /// @dev Only the owner; reverts with `OwnableUnauthorizedAccount(caller)` otherwise.
    /// @param to Receiver of the new tokens.
    /// @param amount Amount in wei (18 decimals).
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
