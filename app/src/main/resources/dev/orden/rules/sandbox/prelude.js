// Runs once in every new sandbox context, before any tenant code: installs the helpers rules may use (log,
// keywords, dates) and guards the array built-ins that loop natively over a length without ever yielding to a
// cancellation (Array.from({length: 1e9}), [].toReversed.call(...), Array.prototype.slice.call({length: 1e9})).
// Returns the two functions the host calls, run and drainLog, and the intrinsics the global object does not name.
(function (maxArrayLength, maxLogLineChars) {
    'use strict';
    const global = globalThis;
    const apply = Reflect.apply;

    // The helpers below call the original array methods on arrays they made themselves: the guards cost the
    // interpreter ~2 us per call.
    const uncurry = (f) => Function.prototype.call.bind(f);
    const map = uncurry(Array.prototype.map);
    const filter = uncurry(Array.prototype.filter);
    const join = uncurry(Array.prototype.join);
    const some = uncurry(Array.prototype.some);

    // ------------------------------------------------------------------------------------------ array guards
    const lengthOf = (o) => (o === null || o === undefined) ? 0 : (Number(o.length) || 0);
    const guard = (n, what) => {
        if (n > maxArrayLength) {
            throw new RangeError(`Sandbox limit: ${what} over ${n} elements (at most ${maxArrayLength})`);
        }
    };
    // Constant-time methods, and the lazy iterators (their consumers do yield to cancellation); leaving
    // [Symbol.iterator] alone also keeps spreading and destructuring on GraalJS's fast path.
    const cheap = new Set(['push', 'pop', 'at', 'constructor', 'values', 'keys', 'entries', Symbol.iterator]);
    for (const key of Reflect.ownKeys(Array.prototype)) {
        const original = Array.prototype[key];
        if (typeof original !== 'function' || cheap.has(key)) continue;
        const name = typeof key === 'symbol' ? key.description : key;
        const guarded = {
            [name](...args) {
                guard(lengthOf(this), name);
                return apply(original, this, args);
            }
        }[name];
        Object.defineProperty(Array.prototype, key, {value: guarded, writable: true, configurable: true});
    }
    const arrayFrom = Array.from;
    Object.defineProperty(Array, 'from', {
        value: {
            from(items, ...rest) {
                if (typeof items !== 'string') guard(lengthOf(items), 'Array.from');
                return apply(arrayFrom, this, [items, ...rest]);
            }
        }.from, writable: true, configurable: true
    });

    // ----------------------------------------------------------------------------------------------- log()
    let lines = [];
    let dropped = 0;
    let maxLines = 0;
    const format = (value) => {
        if (typeof value === 'string') return value;
        try {
            const json = JSON.stringify(value);
            return json === undefined ? String(value) : json;
        } catch (e) {
            return Object.prototype.toString.call(value);
        }
    };
    const log = (...args) => {
        if (lines.length >= maxLines) {
            dropped++;
            return;
        }
        const line = join(map(args, format), ' ');
        lines.push(line.length > maxLogLineChars ? line.slice(0, maxLogLineChars) + '…' : line);
    };

    // ------------------------------------------------------------------------------------------ keywords.any
    // Once RegExp.prototype is frozen, GraalJS takes its generic path for replace, split and test with a regular
    // expression (twice the time in the interpreter): the helpers call exec (frozen, so the original) instead.
    const MARKS = /\p{M}+/gu;
    const SEPARATORS = /[^\p{L}\p{N}]+/gu;
    /** The non-empty pieces of s between the matches of a global expression, joined by glue. */
    const between = (expression, s, glue) => {
        let joined = '';
        let from = 0;
        let match;
        expression.lastIndex = 0;
        while ((match = expression.exec(s)) !== null) {
            if (match.index > from) joined += (joined === '' ? '' : glue) + s.slice(from, match.index);
            from = expression.lastIndex;
        }
        return from < s.length ? joined + (joined === '' ? '' : glue) + s.slice(from) : joined;
    };
    const fold = (s) => between(MARKS, String(s).normalize('NFD'), '').toLowerCase();
    const words = (s) => between(SEPARATORS, fold(s), ' ');
    // Keyword lists are constants in a rule: folded once per context (the interpreter pays ~25 us per fold).
    const needles = new Map();
    const needle = (w) => {
        let folded = needles.get(w);
        if (folded === undefined) {
            folded = ' ' + words(w) + ' ';
            if (needles.size >= 1000) needles.clear();
            needles.set(String(w), folded);
        }
        return folded;
    };
    const keywords = {
        /** True when text contains one of the words or phrases as whole words, ignoring case and accents. */
        any(text, list) {
            if (text === null || text === undefined || !Array.isArray(list)) return false;
            guard(list.length, 'keywords.any');
            const haystack = ' ' + words(text) + ' ';
            return some(list, (w) => {
                const n = needle(w);
                return n.length > 2 && haystack.includes(n);
            });
        }
    };

    // ---------------------------------------------------------------------------------------------- dates
    const DAY = 86400000;
    const HOUR = 3600000;
    const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
    const instant = (iso) => {
        if (typeof iso !== 'string') throw new TypeError('dates: expected an ISO-8601 string, got ' + typeof iso);
        const t = Date.parse(DATE_ONLY.exec(iso) !== null ? iso + 'T00:00:00Z' : iso);
        if (Number.isNaN(t)) throw new TypeError('dates: not an ISO-8601 date: ' + iso);
        return t;
    };
    const number = (n) => {
        if (typeof n !== 'number' || !Number.isFinite(n)) throw new TypeError('dates: expected a number, got ' + n);
        return n;
    };
    // Business calendars (the tenant's SLA calendars, input.calendars), read as sla/BusinessCalendar reads them:
    // weekly hours in the calendar's zone, holidays as whole local days, no hours meaning open round the clock.
    const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const HORIZON_DAYS = 3660;
    const zoneFormats = new Map();
    // Offsets change on quarter hours in every zone in use today: one lookup per zone and quarter hour.
    const QUARTER = 900000;
    const offsets = new Map();
    const offsetAt = (t, zone) => {
        const key = zone + '@' + Math.floor(t / QUARTER);
        let offset = offsets.get(key);
        if (offset === undefined) {
            offset = zoneOffset(Math.floor(t / QUARTER) * QUARTER, zone);
            if (offsets.size >= 10000) offsets.clear();
            offsets.set(key, offset);
        }
        return offset;
    };
    const zoneOffset = (t, zone) => {
        let format = zoneFormats.get(zone);
        if (format === undefined) {
            format = new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric',
                month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'});
            if (zoneFormats.size >= 100) zoneFormats.clear();
            zoneFormats.set(zone, format);
        }
        const p = {};
        for (const part of format.formatToParts(new Date(t))) p[part.type] = part.value;
        return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - t;
    };
    const localDay = (t, zone) => new Date(t + offsetAt(t, zone)).toISOString().slice(0, 10);
    const nextDay = (day, n = 1) => new Date(Date.parse(day + 'T00:00:00Z') + n * DAY).toISOString().slice(0, 10);
    // Most days have one offset all day long: then a local time needs no lookup of its own.
    const steadyOffsets = new Map();
    const steadyOffset = (day, zone) => {
        const key = zone + '@' + day;
        let offset = steadyOffsets.get(key);
        if (offset === undefined) {
            const midnight = Date.parse(day + 'T00:00:00Z');
            const before = zoneOffset(midnight - 14 * HOUR, zone);
            offset = before === zoneOffset(midnight + 38 * HOUR, zone) ? before : null;
            if (steadyOffsets.size >= 10000) steadyOffsets.clear();
            steadyOffsets.set(key, offset);
        }
        return offset;
    };
    /** The instant of a local day and time in the zone (in a daylight-saving gap: shifted by the gap). */
    const atZone = (day, time, zone) => {
        const local = Date.parse(day + 'T' + time + ':00Z');
        const steady = steadyOffset(day, zone);
        if (steady !== null) return local - steady;
        const first = local - offsetAt(local, zone);
        return local - offsetAt(first, zone);
    };
    // The current evaluation's calendars, by key; a calendar is read once per evaluation.
    let calendarInput = [];
    let calendarsRead = new Map();
    const calendarOf = (key) => {
        const list = Array.isArray(calendarInput) ? calendarInput : [];
        const found = key === undefined ? list[0] : list.find((c) => c !== null && typeof c === 'object' && c.key === key);
        if (found === undefined) {
            throw new RangeError(key === undefined ? 'dates: the tenant has no business calendar (sla.json)'
                : `dates: no business calendar '${key}' (sla.json)`);
        }
        let calendar = calendarsRead.get(found);
        if (calendar === undefined) {
            const zone = typeof found.zone === 'string' ? found.zone : 'UTC';
            const hours = Array.isArray(found.hours) && found.hours.length > 0 ? found.hours
                : [{days: DAY_NAMES, from: '00:00', to: '24:00'}];
            const week = DAY_NAMES.map((name) => filter(hours, (h) => Array.isArray(h.days) && h.days.includes(name))
                .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)));
            calendar = {zone, week, holidays: new Set(Array.isArray(found.holidays) ? found.holidays : [])};
            calendarsRead.set(found, calendar);
        }
        return calendar;
    };
    const windows = (calendar, day) => {
        if (calendar.holidays.has(day)) return [];
        const weekday = new Date(day + 'T00:00:00Z').getUTCDay();
        return map(calendar.week[weekday], (h) => [atZone(day, h.from, calendar.zone),
            h.to === '24:00' ? atZone(nextDay(day), '00:00', calendar.zone) : atZone(day, h.to, calendar.zone)]);
    };

    const dates = {
        /** A date ('2026-11-27') stays a date; a date-time comes back as a UTC instant ('…Z'). */
        addDays(iso, n) {
            const moved = new Date(instant(iso) + number(n) * DAY).toISOString();
            return DATE_ONLY.exec(iso) !== null ? moved.slice(0, 10) : moved;
        },
        addHours(iso, n) {
            return new Date(instant(iso) + number(n) * HOUR).toISOString();
        },
        /** The calendar day as written in the string (its own offset), Saturday or Sunday. */
        isWeekend(iso) {
            instant(iso);
            const day = new Date(iso.slice(0, 10) + 'T00:00:00Z').getUTCDay();
            return day === 0 || day === 6;
        },
        /** The instant (UTC, '…Z') at which n business hours have passed since iso, in the calendar named (or the first). */
        addBusinessHours(iso, n, key) {
            let left = number(n) * HOUR;
            if (left < 0) throw new RangeError('dates: negative business hours: ' + n);
            const start = instant(iso);
            const calendar = calendarOf(key);
            let day = nextDay(localDay(start, calendar.zone), -1);
            for (let i = 0; i < HORIZON_DAYS; i++, day = nextDay(day)) {
                for (const [from, to] of windows(calendar, day)) {
                    const begin = Math.max(from, start);
                    if (begin >= to) continue;
                    if (to - begin >= left) return new Date(begin + left).toISOString();
                    left -= to - begin;
                }
            }
            throw new RangeError('dates: the calendar has no business hours within ' + HORIZON_DAYS + ' days');
        },
        /** Business hours (a fraction) between two instants; 0 when the second is not after the first. */
        businessHoursBetween(fromIso, toIso, key) {
            const from = instant(fromIso);
            const to = instant(toIso);
            if (to <= from) return 0;
            const calendar = calendarOf(key);
            const last = nextDay(localDay(to, calendar.zone));
            let total = 0;
            for (let day = nextDay(localDay(from, calendar.zone), -1), i = 0; day <= last && i < HORIZON_DAYS;
                 day = nextDay(day), i++) {
                for (const [a, b] of windows(calendar, day)) total += Math.max(0, Math.min(b, to) - Math.max(a, from));
            }
            return total / HOUR;
        },
        /** Whether the instant falls in the calendar's business hours (not on a holiday). */
        isBusinessTime(iso, key) {
            const t = instant(iso);
            const calendar = calendarOf(key);
            return some(windows(calendar, localDay(t, calendar.zone)), ([from, to]) => t >= from && t < to);
        }
    };

    // ------------------------------------------------------------------------------------- result checking
    const describe = (v) => v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
    const finish = (result, maxEffects, maxChars) => {
        if (!Array.isArray(result)) {
            return ['INVALID_RESULT', 'rule(input) must return an array of effects, not ' + describe(result)];
        }
        if (result.length > maxEffects) {
            return ['OUTPUT_LIMIT', `${result.length} effects, more than the limit of ${maxEffects}`];
        }
        for (let i = 0; i < result.length; i++) {
            const effect = result[i];
            const proto = effect !== null && typeof effect === 'object' ? Object.getPrototypeOf(effect) : undefined;
            if (proto !== Object.prototype && proto !== null) {
                return ['INVALID_RESULT', `effect ${i} must be a plain object, not ${describe(effect)}`];
            }
            if (typeof effect.type !== 'string') {
                return ['INVALID_RESULT', `effect ${i} must have a string "type"`];
            }
        }
        let json;
        try {
            // No replacer (it would cost the interpreter ~5 us per evaluation): functions, symbols and undefined
            // inside an effect are left out as JSON does; a cycle or a BigInt throws.
            json = JSON.stringify(result);
        } catch (e) {
            if (e instanceof RangeError && /string length/.test(e.message)) {
                return ['OUTPUT_LIMIT', `effects over ${maxChars} characters of JSON`];
            }
            return ['INVALID_RESULT', 'effects cannot be written as JSON: ' + (e instanceof Error ? e.message : e)];
        }
        if (json.length > maxChars) {
            return ['OUTPUT_LIMIT', `effects take ${json.length} characters of JSON, more than ${maxChars}`];
        }
        return [null, json];
    };

    // ----------------------------------------------------------------------------------------- entry points
    /** A fresh rule closure and fresh input every time: nothing of one evaluation reaches the next. */
    const run = (factory, inputJson, maxEffects, maxChars, maxLogLines) => {
        lines = [];
        dropped = 0;
        maxLines = maxLogLines;
        calendarsRead = new Map();
        calendarInput = [];
        const rule = factory();
        if (typeof rule !== 'function') {
            return ['INVALID_RESULT', 'the rule source must declare function rule(input)', lines, dropped];
        }
        if (inputJson === null) return [null, '[]', lines, dropped]; // warm-up: defined, not run
        const input = JSON.parse(inputJson);
        calendarInput = input !== null && typeof input === 'object' ? input.calendars : [];
        const outcome = finish(rule(input), maxEffects, maxChars);
        return [outcome[0], outcome[1], lines, dropped];
    };
    const drainLog = () => [lines, dropped];

    // A finalization callback could run during a later evaluation in this context: no use for rules.
    delete global.FinalizationRegistry;
    delete global.WeakRef;
    for (const [name, value] of [['log', log], ['keywords', keywords], ['dates', dates]]) {
        Object.defineProperty(global, name, {value, writable: false, enumerable: false, configurable: false});
    }

    // ------------------------------------------------------------------------------------------- freezing
    // Intrinsics not reachable by name from the global object: iterator, generator and async prototypes.
    const hidden = [
        Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
        Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
        Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf(new Map()[Symbol.iterator]()),
        Object.getPrototypeOf(new Set()[Symbol.iterator]()), Object.getPrototypeOf(/a/g[Symbol.matchAll]('a')),
        Object.getPrototypeOf((function* () {})()), Object.getPrototypeOf((async function* () {})()),
        (function () { return arguments; })(),
    ];
    if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
        const segments = new Intl.Segmenter().segment('a');
        hidden.push(Object.getPrototypeOf(segments), Object.getPrototypeOf(segments[Symbol.iterator]()));
    }
    // The host freezes everything reachable from the global object and these (freezing.js): then nothing a rule
    // does survives into the next evaluation. It holds this array, never a rule.
    return Object.freeze([run, drainLog, Object.freeze(hidden)]);
})
