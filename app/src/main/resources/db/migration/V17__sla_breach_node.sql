-- Which server's scheduler recorded each SLA breach (orden.node, else host:pid), for operations: with several
-- replicas it shows how the timers were shared out, and that each breach was recorded by one of them, once.
ALTER TABLE work_order_sla
    ADD COLUMN first_response_breached_on text,
    ADD COLUMN resolution_breached_on     text;
