-- When an author's follower count was observed, so that the newest export wins whatever the load order.
alter table authors add column followers_observed_at timestamptz;
