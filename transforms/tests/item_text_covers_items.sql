-- The text analysis cache holds exactly one current row for every item with text (incremental runs included).
select b.item_key, 'missing or stale' as problem
from int_item_base b
left join int_item_text t on t.item_key = b.item_key and t.text_hash = b.text_hash and t.is_own = b.is_own
where b.text is not null and t.item_key is null
union all
select t.item_key, 'orphan'
from int_item_text t
anti join (select item_key from int_item_base where text is not null) b on b.item_key = t.item_key
