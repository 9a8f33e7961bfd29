-- Public marts never carry a citizen's identity or words: offending (table, column) pairs.
select table_name, column_name
from information_schema.columns
where table_schema = current_schema() and table_name like 'pub\_%' escape '\'
  and column_name in ('handle', 'name', 'display_name', 'text', 'excerpt', 'author_id', 'author_key', 'pseudonym', 'account_handle')
