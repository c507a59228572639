-- Cost views (docs/schema.md, "Cost"). Days are UTC days as the exports define them (not the store zone); only
-- the load that owns a billing period x provider x account counts (cost_owner), so two exports of the same accounts
-- never add up. The forecast method is described in docs/cost.md.

DROP VIEW IF EXISTS cost_month;
DROP VIEW IF EXISTS cost_daily;

CREATE VIEW cost_daily AS
SELECT d.day, d.provider, d.account_id, d.service, d.region, d.currency,
       SUM(d.billed_cost) AS billed_cost, SUM(d.effective_cost) AS effective_cost
FROM cost_day d
JOIN cost_owner o ON o.load_id = d.load_id AND o.billing_period = d.billing_period
                 AND o.provider = d.provider AND o.account_id = d.account_id
GROUP BY d.day, d.provider, d.account_id, d.service, d.region, d.currency;

-- forecast_cost = cost on complete days + charges spanning more than a day
--               + (usage cost of the last window_days complete days) / window_days * remaining_days,
-- rounded to 6 decimals; NULL while no day of the month is complete; the billed cost once every day is.
CREATE VIEW cost_month AS
SELECT d.billing_period AS month, d.provider, d.account_id, d.currency,
       SUM(d.billed_cost) AS billed_cost,
       CASE WHEN MAX(p.complete_days) = 0 THEN NULL
            WHEN MAX(p.remaining_days) = 0 THEN SUM(d.billed_cost)
            ELSE ROUND(SUM(CASE WHEN d.day < p.complete_through OR d.period_charge THEN d.billed_cost ELSE 0 END)
                       + CAST(SUM(CASE WHEN NOT d.period_charge AND d.day >= p.window_start
                                        AND d.day < p.complete_through THEN d.billed_cost ELSE 0 END)
                              * MAX(p.remaining_days) AS NUMERIC(38,18))
                         / MAX(p.window_days), 6)
       END AS forecast_cost
FROM cost_day d
JOIN cost_owner o ON o.load_id = d.load_id AND o.billing_period = d.billing_period
                 AND o.provider = d.provider AND o.account_id = d.account_id
JOIN cost_period p ON p.load_id = d.load_id AND p.billing_period = d.billing_period
GROUP BY d.billing_period, d.provider, d.account_id, d.currency;
