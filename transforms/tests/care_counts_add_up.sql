-- Every request is either answered or unanswered; redirects are answers.
select entity_id, platform, month_start, requests, answered, unanswered, redirected
from mart_customer_care
where answered + unanswered <> requests or redirected > answered
