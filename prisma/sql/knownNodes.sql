-- Which of these miner IDs are nodes the portal has seen (the node history's and the boost
-- choices' check of the IDs they were given).
-- @param {String} $1:minerIds
SELECT miner_id FROM nodes WHERE miner_id = ANY($1::text[])
