// Run once per engine, in a reference context just set up by the prelude: walks everything reachable from the global
// object and the prelude's hidden intrinsics (prototypes, own data values, getters and setters) and returns the
// source of a function that freezes the same objects in another context set up the same way, each reached by the
// path the walk first found it on. Walking in interpreted JavaScript (reading ~2 000 property descriptors) cost a
// new context ~3 ms; following the paths in straight-line code costs a fraction of it (docs/performance.md).
(function (hidden) {
    'use strict';
    const seen = new Set();
    const found = [];
    const paths = [];
    const hasChildren = new Set();
    let current = -1;
    const reach = (o, path) => {
        if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
        seen.add(o);
        found.push(o);
        paths.push(path);
        if (current >= 0) hasChildren.add(current);
    };
    // Built-ins are keyed by strings and well-known symbols only; anything else cannot be named here.
    const keyOf = (key) => {
        if (typeof key !== 'symbol') return JSON.stringify(key);
        const name = key.description.startsWith('Symbol.') ? key.description.slice(7) : '';
        if (Symbol[name] !== key) throw new Error('cannot name the symbol ' + String(key));
        return 'Symbol.' + name;
    };
    reach(globalThis, 'globalThis');
    hidden.forEach((o, i) => reach(o, `hidden[${i}]`));
    for (let i = 0; i < found.length; i++) {
        const o = found[i];
        current = i;
        reach(Object.getPrototypeOf(o), `proto(o${i})`);
        for (const key of Reflect.ownKeys(o)) {
            const d = Reflect.getOwnPropertyDescriptor(o, key);
            if ('value' in d) {
                reach(d.value, `o${i}[${keyOf(key)}]`);
            } else {
                reach(d.get, `own(o${i}, ${keyOf(key)}).get`);
                reach(d.set, `own(o${i}, ${keyOf(key)}).set`);
            }
        }
    }
    // Only objects others are reached through get a name; the rest (most: methods) are frozen where they are read.
    const lines = paths.map((path, i) => hasChildren.has(i) ? `const o${i} = ${path}; freeze(o${i});` : `freeze(${path});`);
    return `(function ordenFreezer(hidden) {
'use strict';
const freeze = Object.freeze, own = Reflect.getOwnPropertyDescriptor, proto = Object.getPrototypeOf;
${lines.join('\n')}
return ${paths.length};
})`;
})
