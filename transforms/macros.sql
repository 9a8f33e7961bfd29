-- Formulas used by more than one model, written once. Referenced from metrics.json by name.

-- A ratio that is null, not an error or infinity, when the denominator is zero or unknown.
create or replace macro ratio(numerator, denominator) as
  case when denominator is not null and denominator <> 0 then numerator::double / denominator::double end;

-- Wilson score interval at 95% (z = 1.96) for x successes out of n: stays inside [0, 1] and honest when n is small.
-- Doubles throughout: 4·n² overflows a 32-bit integer from n = 23,171.
create or replace macro wilson_low(x, n) as
  case when n > 0 and x = 0 then 0.0 when n > 0 then greatest(0.0,
    (x::double / n + 3.8416 / (2.0 * n) - 1.96 * sqrt(x::double / n * (1 - x::double / n) / n + 3.8416 / (4.0 * n * n)))
    / (1 + 3.8416 / n)) end;
create or replace macro wilson_high(x, n) as
  case when n > 0 and x = n then 1.0 when n > 0 then least(1.0,
    (x::double / n + 3.8416 / (2.0 * n) + 1.96 * sqrt(x::double / n * (1 - x::double / n) / n + 3.8416 / (4.0 * n * n)))
    / (1 + 3.8416 / n)) end;

-- Seconds from one instant to another: the same value as epoch(to_at - from_at), whose TIMESTAMPTZ subtraction goes
-- through ICU's calendar and costs about a hundred times more.
create or replace macro seconds_between(from_at, to_at) as (epoch_us(to_at) - epoch_us(from_at)) / 1000000;

-- Rates over fewer than 10 cases are shown but flagged: their interval is wider than the rate itself.
create or replace macro is_small_n(n) as coalesce(n, 0) < 10;

-- (positive - negative) / (positive + negative), in [-1, 1]; neutral items do not dilute it.
create or replace macro net_sentiment(positive, negative) as ratio(positive - negative, positive + negative);

-- Interactions of an item: reactions (else likes) + comments + shares + quotes; an export that only
-- gives a total ("interactions") is used when none of the parts is known.
create or replace macro interaction_sum(likes, reactions, comments, shares, quotes, reported) as
  case when likes is null and reactions is null and comments is null and shares is null and quotes is null then reported
  else coalesce(reactions, likes, 0) + coalesce(comments, 0) + coalesce(shares, 0) + coalesce(quotes, 0) end;

-- The privacy threshold: public marts only keep groups of at least k distinct authors.
create or replace macro privacy_k() as (select privacy_k from cfg_settings);

-- An excerpt safe for internal lists: handles, e-mails, phone and other long numbers masked, 140 characters.
create or replace macro redact(text) as
  left(regexp_replace(regexp_replace(regexp_replace(text,
    '[\w.+-]+@[\w-]+\.[\w.]+', '[email]', 'g'),
    '@\w+', '@[utente]', 'g'),
    '\+?\d[\d .-]{6,}\d', '[numero]', 'g'), 140);
