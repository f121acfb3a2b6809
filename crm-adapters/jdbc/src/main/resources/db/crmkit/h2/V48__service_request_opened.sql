-- crmkit schema, H2 2.x: service requests by the time they were opened, for the SLA report over a period
-- (ServiceReports.sla), read from an index. ${prefix} is the configured table prefix (default crm_).

CREATE INDEX ${prefix}service_request_opened ON ${prefix}service_request (opened_at, seq);
