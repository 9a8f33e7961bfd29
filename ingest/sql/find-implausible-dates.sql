-- The first item of each staged file dated before $earliest or more than a day after the file's export date
-- (the stated one, else now): such a date is a mapping bug or a corrupt record (merge.ts, implausibleDates).
select file, item_id, created_at, created_at::timestamptz < $earliest::timestamptz as early
from stage_items
join stage_files using (file)
where created_at::timestamptz < $earliest::timestamptz or created_at::timestamptz > check_until + interval 1 day
qualify row_number() over (partition by file order by created_at::timestamptz < $earliest::timestamptz desc, seq) = 1
