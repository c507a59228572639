-- The monthly report reads a month of boundary rows by UTC hour, like ct_hourly and flow_hourly already allow.
CREATE INDEX flow_boundary_hourly_hour ON flow_boundary_hourly (event_hour);
