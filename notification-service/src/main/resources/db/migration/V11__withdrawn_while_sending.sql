-- An alert withdrawn while one of its emails is with the SMTP server cannot stop that email; it is marked instead,
-- with the withdrawal's reason. If SMTP takes the email, the recipient then gets the notice that it no longer
-- applies; if SMTP refuses it, the delivery ends WITHDRAWN instead of being tried again.
ALTER TABLE delivery ADD COLUMN withdrawn_note TEXT;
