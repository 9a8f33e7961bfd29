-- The sets of staged files that carry the same item id (in load order): merge.ts merges such files' items in
-- rounds, so that each id meets its files one after the other, as if they were loaded one by one.
select distinct list(distinct file order by file) as files
from stage_items
join stage_files using (file)
group by platform, item_id
having count(distinct file) > 1
