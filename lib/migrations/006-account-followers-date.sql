-- When an account's follower count was observed, so that the newest export wins whatever the load order, as
-- for authors (003), and a batch of files can merge at once. Until now the count followed the latest export
-- that carried the account: that date stands in for the observation.
alter table accounts add column followers_observed_at timestamptz;
update accounts set followers_observed_at = last_seen_at where followers is not null;
