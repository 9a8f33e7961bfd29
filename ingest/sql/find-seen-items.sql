-- The staged items the warehouse already holds (the last record of each id), merged with the stored row:
-- the newer export's non-null values win, an older one only fills gaps, a non-empty hashtag or mention
-- list replaces the stored one, first/last seen widen. An id repeated in a later chunk of the file that
-- brought it is replaced whole by its last record, as within one chunk; repeated in a later chunk of a file
-- that updates it, the later record counts as the newer export. `raw` is neither read nor merged: it stays
-- the record of the file that first brought the item (source_file_id; see update-repeated-raw.sql).
-- Reading the stored narrow columns here costs a scan of them; the updates that follow then write only
-- the rows whose values change (DuckDB rewrites a whole row to update a list, and each write costs).
-- Each id comes from one of the files merged (stage_files: merge.ts splits files that share ids into rounds),
-- whose id and export date it takes. Written to a file of the stage, read back as stage_seen_items (stage.sql).
copy (
  with staged as (
    select platform, item_id, account_id, author_id, created_at::timestamptz as created_at, text, lang_hint, parent_id,
      root_id, url, media_count, hashtags::json::varchar[] as hashtags, mentions::json::varchar[] as mentions, file_id, exported_at
    from stage_items join stage_files using (file)
    qualify row_number() over (partition by platform, item_id order by seq desc) = 1
  ),
  held_keys as (
    -- why: the held keys first, reading two narrow columns; the wide ones are then read for those rows
    -- only (a plain join reads them for every row of items: measured 2.6x slower at 2M items)
    select platform, item_id from items semi join staged using (platform, item_id)
  ),
  held as (
    select platform, item_id, account_id, author_id, created_at, text, lang_hint, parent_id, root_id, url, media_count,
      hashtags, mentions, first_seen_at, last_seen_at, source_file_id, last_source_file_id
    from items semi join held_keys using (platform, item_id)
  ),
  joined as (
    select s.*, i.account_id as i_account_id, i.author_id as i_author_id, i.created_at as i_created_at, i.text as i_text,
      i.lang_hint as i_lang_hint, i.parent_id as i_parent_id, i.root_id as i_root_id, i.url as i_url,
      i.media_count as i_media_count, i.hashtags as i_hashtags, i.mentions as i_mentions,
      i.first_seen_at as i_first_seen_at, i.last_seen_at as i_last_seen_at,
      i.source_file_id as stored_first_file_id, i.last_source_file_id as stored_last_file_id,
      i.source_file_id = s.file_id as replace,
      s.exported_at >= i.last_seen_at or i.last_source_file_id is not distinct from s.file_id as newer
    from staged s
    join held i on i.platform = s.platform and i.item_id = s.item_id
  ),
  merged as (
    select platform, item_id, file_id, stored_first_file_id, stored_last_file_id,
      case when replace then account_id when newer then coalesce(account_id, i_account_id) else coalesce(i_account_id, account_id) end as m_account_id,
      case when replace then author_id when newer then coalesce(author_id, i_author_id) else coalesce(i_author_id, author_id) end as m_author_id,
      case when replace then created_at else coalesce(i_created_at, created_at) end as m_created_at,
      case when replace then text when newer then coalesce(text, i_text) else coalesce(i_text, text) end as m_text,
      case when replace then lang_hint else coalesce(lang_hint, i_lang_hint) end as m_lang_hint,
      case when replace then parent_id else coalesce(i_parent_id, parent_id) end as m_parent_id,
      case when replace then root_id else coalesce(i_root_id, root_id) end as m_root_id,
      case when replace then url else coalesce(i_url, url) end as m_url,
      case when replace then media_count else coalesce(media_count, i_media_count) end as m_media_count,
      case when replace or len(hashtags) > 0 then hashtags else i_hashtags end as m_hashtags,
      case when replace or len(mentions) > 0 then mentions else i_mentions end as m_mentions,
      least(i_first_seen_at, exported_at) as first_seen_at,
      greatest(i_last_seen_at, exported_at) as last_seen_at,
      i_account_id, i_author_id, i_created_at, i_text, i_lang_hint, i_parent_id, i_root_id, i_url, i_media_count, i_hashtags, i_mentions
    from joined
  )
  select platform, item_id, m_account_id as account_id, m_author_id as author_id, m_created_at as created_at, m_text as text,
    m_lang_hint as lang_hint, m_parent_id as parent_id, m_root_id as root_id, m_url as url, m_media_count as media_count,
    m_hashtags as hashtags, m_mentions as mentions, file_id, first_seen_at, last_seen_at, stored_first_file_id, stored_last_file_id,
    m_account_id is distinct from i_account_id or m_author_id is distinct from i_author_id or m_created_at is distinct from i_created_at
      or m_text is distinct from i_text or m_lang_hint is distinct from i_lang_hint or m_parent_id is distinct from i_parent_id
      or m_root_id is distinct from i_root_id or m_url is distinct from i_url or m_media_count is distinct from i_media_count as fields_changed,
    m_hashtags is distinct from i_hashtags or m_mentions is distinct from i_mentions as lists_changed
  from merged
) to (getvariable('ascolto_stage') || '/seen.parquet') (format parquet);
