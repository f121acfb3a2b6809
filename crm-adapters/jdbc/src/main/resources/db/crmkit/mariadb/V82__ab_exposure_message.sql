-- An A/B exposure recorded before its message's send keeps the message's key and what became of the send:
-- PENDING (recorded, not settled: the node may have died), SENT (the channel accepted it; every exposure recorded
-- before this migration), FAILED (refused or thrown: not counted). A re-claim of the same message settles the one row.
ALTER TABLE ${prefix}campaign_ab_exposure ADD COLUMN send_state VARCHAR(10) COLLATE utf8mb4_nopad_bin NOT NULL DEFAULT 'SENT';
ALTER TABLE ${prefix}campaign_ab_exposure ADD COLUMN message_key VARCHAR(400) COLLATE utf8mb4_nopad_bin;
