-- Roles, schemas and grants of kmarket. Run as a superuser (or the database owner) on the kmarket database:
--   psql -v scheduler_password=... -v ml_password=... -v api_password=... -f deploy/db/roles.sql kmarket
-- Idempotent: safe to run again, e.g. to rotate passwords. Used by ./kmarket up, the test resource and deploy/.
--
-- Ownership (each service migrates only what it owns, with Flyway, at start):
--   kmarket_scheduler  owns market (stocks, prices, indices, disclosures, calendar) and ops (sites, logs, jobs, payloads)
--   kmarket_ml         owns analytics (indicators, predictions, evaluations, reports); reads market
--                      (the scheduler reads analytics too: data quality checks indicators are complete)
--   kmarket_api        owns nothing; SELECT only, on everything
\set ON_ERROR_STOP on
SET client_min_messages = warning;

SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY['kmarket_scheduler', 'kmarket_ml', 'kmarket_api']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec

ALTER ROLE kmarket_scheduler PASSWORD :'scheduler_password';
ALTER ROLE kmarket_ml PASSWORD :'ml_password';
ALTER ROLE kmarket_api PASSWORD :'api_password';
-- A second line of defence behind the grants: even a mistaken GRANT cannot make the API write.
ALTER ROLE kmarket_api SET default_transaction_read_only = on;

SELECT format('GRANT CONNECT ON DATABASE %I TO kmarket_scheduler, kmarket_ml, kmarket_api', current_database()) \gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

CREATE SCHEMA IF NOT EXISTS market AUTHORIZATION kmarket_scheduler;
CREATE SCHEMA IF NOT EXISTS ops AUTHORIZATION kmarket_scheduler;
CREATE SCHEMA IF NOT EXISTS analytics AUTHORIZATION kmarket_ml;

GRANT USAGE ON SCHEMA market, ops TO kmarket_ml, kmarket_api;
GRANT USAGE ON SCHEMA analytics TO kmarket_api;

-- Tables created later by each owner's migrations become readable by the readers without another grant.
ALTER DEFAULT PRIVILEGES FOR ROLE kmarket_scheduler IN SCHEMA market, ops GRANT SELECT ON TABLES TO kmarket_ml, kmarket_api;
ALTER DEFAULT PRIVILEGES FOR ROLE kmarket_ml IN SCHEMA analytics GRANT SELECT ON TABLES TO kmarket_api;
GRANT SELECT ON ALL TABLES IN SCHEMA market, ops TO kmarket_ml, kmarket_api;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO kmarket_api;
-- The scheduler's data-quality job checks that every priced stock got its indicators (analytics.indicators).
GRANT USAGE ON SCHEMA analytics TO kmarket_scheduler;
ALTER DEFAULT PRIVILEGES FOR ROLE kmarket_ml IN SCHEMA analytics GRANT SELECT ON TABLES TO kmarket_scheduler;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO kmarket_scheduler;
