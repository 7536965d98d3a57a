// A water leak cannot wait: raise the priority and tell the dispatcher why.
const LEAK_WORDS = ['fuga', 'fuga de agua', 'inundación', 'gotea', 'leak', 'leaking', 'flood'];

function rule(input) {
  const order = input.order;
  const text = order.title + ' ' + (order.description || '');
  if (!keywords.any(text, LEAK_WORDS) || order.priority === 'URGENT' || order.priority === 'HIGH') return [];
  return [
    { type: 'priority', priority: 'HIGH' },
    { type: 'comment', visibility: 'internal', body: 'Possible water leak: priority raised to HIGH.' },
  ];
}
