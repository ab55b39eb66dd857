// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Heurist Imaginaries, the NFT whose holders get boost slots for their GPUs
/// @notice At most 500 tokens, ids 1..500, minted by the owner.
contract HeuristImaginaries is ERC721, Ownable {
    /// @notice The collection's hard cap.
    uint256 public constant MAX_SUPPLY = 500;

    uint256 private _minted;

    /// @notice The cap was reached; no further token can be minted.
    error MaxSupplyReached();

    constructor() ERC721("Heurist Imaginaries", "IMAGINE") Ownable(msg.sender) {}

    /// @notice Mints the next token id to `to`.
    /// @dev Only the owner. Ids start at 1 and are never reused (there is no burn).
    /// @param to Receiver; a contract must accept ERC-721 tokens.
    /// @return tokenId The id minted.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        if (_minted >= MAX_SUPPLY) revert MaxSupplyReached();
        tokenId = ++_minted;
        _safeMint(to, tokenId);
    }

    /// @notice Number of tokens minted so far.
    function totalSupply() external view returns (uint256) {
        return _minted;
    }
}
