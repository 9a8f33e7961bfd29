-- Per staged file, how many of its item records repeat an id of the same file (the last one is kept).
select file, (count(*) - count(distinct (platform, item_id)))::integer as repeated
from stage_items
join stage_files using (file)
group by file
having count(*) > count(distinct (platform, item_id))
