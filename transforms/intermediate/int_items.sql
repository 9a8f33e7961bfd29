-- grain: one row per item with a known creation time: entity, ownership, latest counters, text analysis, parent
with base as (
  select * from int_item_base
),

metrics as (
  select * from int_item_metrics
),

text as (
  select * from int_item_text
),

children as (
  -- why: comments present in the warehouse stand in for a comment counter the export does not give
  select platform, parent_id as item_id, count(*) as direct_answers
  from base where parent_id is not null
  group by all
),

thread_sizes as (
  select platform, root_id as item_id, count(*) - 1 as thread_answers
  from base where root_id is not null
  group by all
),

joined as (
  select
    b.*,
    m.likes, m.reactions, m.replies, m.shares, m.quotes, m.views, m.video_views, m.impressions, m.reach, m.saves,
    m.interactions_reported,
    -- why: a top-level post's comments are its whole thread; a comment's are its direct answers
    case when b.kind in ('post', 'quote') and b.root_id = b.item_id then coalesce(ts.thread_answers, 0)
      else coalesce(c.direct_answers, 0) end as comments_present,
    t.lang, t.sentiment_label, t.sentiment_score, t.topics, t.is_question, t.is_complaint, t.reply_type,
    p.item_id is not null as has_parent_item,
    p.is_own as parent_is_own,
    p.author_key as parent_author_key
  from base b
  left join metrics m on m.platform = b.platform and m.item_id = b.item_id
  left join text t on t.item_key = b.item_key
  left join children c on c.platform = b.platform and c.item_id = b.item_id
  left join thread_sizes ts on ts.platform = b.platform and ts.item_id = b.item_id
  left join base p on p.platform = b.platform and p.item_id = b.parent_id
),

final as (
  select
    *,
    coalesce(reactions, likes) as likes_total,
    coalesce(replies, comments_present) as comments_total,
    coalesce(shares, 0) + coalesce(quotes, 0) as shares_total,
    -- why: with no part known and no comment present, an export's own total is the best figure
    interaction_sum(likes, reactions, coalesce(replies, nullif(comments_present, 0)), shares, quotes, interactions_reported) as interactions,
    -- why: reposts carry no words of their own; own posts are what the organisation publishes
    is_own and kind in ('post', 'quote') as is_own_post,
    -- why: a request is a citizen's question or complaint addressed to an entity (see metrics.md#care_requests)
    not is_own and kind <> 'repost' and entity_id is not null and coalesce(is_question or is_complaint, false) as is_request
  from joined
)

select * from final
