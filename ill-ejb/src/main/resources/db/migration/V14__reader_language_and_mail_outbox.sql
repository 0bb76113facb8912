-- The language a reader reads the portal in, which their notifications (in the portal and by e-mail) are written in.
ALTER TABLE reader ADD COLUMN language varchar(10) NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN'));

-- Notifications are the reader's inbox in the portal and their e-mail outbox: sent_at stays empty until the mail
-- went out; a failed attempt is counted and tried again later, never dropped.
ALTER TABLE reader_notification ADD COLUMN mail_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE reader_notification ADD COLUMN next_mail_at timestamp with time zone;
ALTER TABLE reader_notification ADD COLUMN mail_error varchar(500);
CREATE INDEX reader_notification_reader_idx ON reader_notification (reader_id, created_at);
