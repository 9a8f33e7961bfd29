-- grain: one row per own post (the organisation's content, public by nature): counters, engagement rates, decay
with posts as (
  select * from int_items
  -- why: an own account posting on a channel outside the registry has no entity to report it under
  where is_own_post and entity_id is not null
),

followers_daily as (
  select platform, account_id, day, followers from int_followers_daily where followers is not null
),

entity_followers_daily as (
  -- why: an insights export may name the page differently from the feed that carries its posts; both are the entity's
  select entity_id, platform, day, sum(followers) as followers from followers_daily
  join (select platform, account_id, entity_id from int_followers_daily group by all) using (platform, account_id)
  group by all
),

accounts as (
  select * from stg_accounts
),

decay as (
  select * from int_post_decay
),

parsed as (
  -- why: each JSON function parses the whole record; one call per function with a list of paths parses it once
  select
    r.platform,
    r.item_id,
    json_extract_string(r.raw, [
      '$."Post type"', '$."Tipo di post"', '$.attachments.data[0].media_type', '$.attachments.data[0].type', '$.status_type',
      '$.media_product_type', '$.media_type', '$.media[0].uri', '$.attachments[0].data[0].media.uri',
      '$.extended_entities.media[0].type', '$.attachments.media[0].type', '$.media_attachments[0].type',
      '$.attachments.media_keys[0]']) as s,
    json_array_length(r.raw, ['$.media', '$.attachments[0].data', '$.entities.urls']) as n,
    json_exists(r.raw, ['$.attachments[0].data[0].external_context', '$.photo', '$.file', '$.created_time', '$.timestamp']) as e,
    json_type(r.raw, '$.card') as card_type,
    -- why: a wildcard path cannot be one of several
    json_extract_string(r.raw, '$.text_entities[*].type') as text_entity_types
  from stg_item_raw r
  semi join posts p on p.platform = r.platform and p.item_id = r.item_id
),

raw_fields as (
  -- the fields that say what a post is, per export (the mapping is documented in metrics.md#content_type)
  select
    platform,
    item_id,
    nullif(lower(coalesce(s[1], s[2])), '') as suite_type,
    lower(coalesce(s[3], s[4])) as graph_attachment,
    s[5] as status_type,
    s[6] as ig_product,
    s[7] as media_type,
    lower(coalesce(s[8], s[9])) as media_uri,
    coalesce(n[1], n[2]) as media_items,
    e[1] as has_external_link,
    coalesce(s[10], s[11], s[12]) as attached_type,
    -- why: an X API v2 tweet only names its media by key; the key's prefix is the type (3 photo, 7 video, 16 GIF)
    split_part(s[13], '_', 1) as x_media_key_type,
    coalesce(n[3], 0) > 0 or card_type = 'OBJECT'
      or list_has_any(coalesce(text_entity_types, []), ['link', 'text_link']) as has_link,
    e[2] as has_photo,
    e[3] as has_file,
    -- why: only a record that lists its media (Graph, DYI) says by their absence that a post is text; a CSV row does not
    e[4] or e[5] as lists_media
  from parsed
),

content_types as (
  select
    platform,
    item_id,
    case
      -- Business Suite CSV (Facebook and Instagram): "Post type" / "Tipo di post"
      when suite_type like '%reel%' then 'reel'
      when suite_type similar to '.*(carousel|carosello|album).*' then 'carousel'
      when suite_type similar to '.*(video|live|diretta).*' then 'video'
      when suite_type similar to '.*(photo|foto|image|immagine).*' then 'photo'
      when suite_type similar to '.*(link|collegamento).*' then 'link'
      when suite_type in ('status', 'stato', 'text', 'testo') then 'text'
      when suite_type is not null then 'other'
      -- Instagram Graph: media_product_type REELS, then media_type
      when platform = 'instagram' and ig_product = 'REELS' then 'reel'
      when platform = 'instagram' and media_type = 'CAROUSEL_ALBUM' then 'carousel'
      when platform = 'instagram' and media_type = 'VIDEO' then 'video'
      when platform = 'instagram' and media_type = 'IMAGE' then 'photo'
      -- Facebook Graph: the first attachment, else status_type
      when graph_attachment = 'album' then 'carousel'
      when graph_attachment like 'video%' then 'video'
      when graph_attachment = 'photo' then 'photo'
      when graph_attachment in ('share', 'link') then 'link'
      when graph_attachment is not null then 'other'
      when status_type = 'added_photos' then 'photo'
      when status_type = 'added_video' then 'video'
      when status_type = 'shared_story' then 'link'
      when status_type in ('mobile_status_update', 'wall_post') then 'text'
      when status_type is not null then 'other'
      -- Meta DYI (Facebook attachments, Instagram media): several media, a video file, a photo, a link
      when media_items > 1 then 'carousel'
      when media_uri similar to '.*\.(mp4|mov)$' then 'video'
      when media_uri is not null then 'photo'
      when has_external_link then 'link'
      -- X (v1.1, archive, twarc2 flattened), Mastodon: the first medium
      when attached_type in ('photo', 'image') then 'photo'
      when attached_type in ('video', 'animated_gif', 'gifv') then 'video'
      when attached_type is not null then 'other'
      when x_media_key_type = '3' then 'photo'
      when x_media_key_type in ('7', '16') then 'video'
      -- Telegram: photo, video files and animations, other files
      when has_photo then 'photo'
      when media_type in ('video_file', 'video_message', 'animation') then 'video'
      when media_type is not null or has_file then 'other'
      -- TikTok and YouTube publish videos only
      when platform in ('tiktok', 'youtube') then 'video'
      when has_link then 'link'
      -- why: a Facebook DYI post without attachments, an X, Mastodon or Telegram post without media or link, is text
      when platform in ('x', 'mastodon', 'telegram') or (platform = 'facebook' and lists_media) then 'text'
    end as content_type
  from raw_fields
),

with_followers as (
  select
    p.*,
    -- why: the audience a post met is the followers on its day (the channel's, else the entity's on the
    -- platform); without a daily series, the latest count known
    coalesce(f.followers, ef.followers, a.followers) as followers_at_post,
    f.followers is null and ef.followers is null and a.followers is not null as is_followers_latest
  from posts p
  asof left join followers_daily f on f.platform = p.platform and f.account_id = p.account_id and p.created_on >= f.day
  asof left join entity_followers_daily ef on ef.entity_id = p.entity_id and ef.platform = p.platform and p.created_on >= ef.day
  left join accounts a on a.platform = p.platform and a.account_id = p.account_id
),

final as (
  select
    w.entity_id,
    w.platform,
    w.account_id,
    w.item_id,
    w.url,
    w.kind,
    t.content_type,
    w.created_at,
    w.created_on,
    w.likes_total::double as likes,
    w.comments_total::double as comments,
    w.shares_total::double as shares,
    w.interactions::double as interactions,
    w.views::double as views,
    w.impressions::double as impressions,
    w.reach::double as reach,
    w.followers_at_post::bigint as followers_at_post,
    coalesce(w.is_followers_latest, false) as is_followers_latest,
    ratio(w.interactions, w.followers_at_post) as engagement_rate_followers,
    ratio(w.interactions, w.reach) as engagement_rate_reach,
    coalesce(d.snapshots, 0)::integer as snapshots,
    d.half_life_hours
  from with_followers w
  left join decay d on d.platform = w.platform and d.item_id = w.item_id
  left join content_types t on t.platform = w.platform and t.item_id = w.item_id
)

select * from final
