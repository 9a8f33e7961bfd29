-- The items write-new-items.sql selected, appended as they are.
insert into items by name (select * from read_parquet(getvariable('ascolto_stage') || '/new-items.parquet'));
