-- A work-order type may name its orders with its own prefix (issue #3: "number prefix"): INC-12, REP-40. The number
-- stays the tenant's one sequence; the prefix is the type's at creation and never changes with the order's type,
-- so a number once given out keeps naming the same order.
ALTER TABLE work_order ADD COLUMN number_prefix text NOT NULL DEFAULT 'WO'
    CONSTRAINT work_order_number_prefix_check CHECK (number_prefix ~ '^[A-Z]{1,6}$');
