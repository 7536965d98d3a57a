// Routes a new repair or installation to the team serving the city of its visit address.
const TEAMS_BY_CITY = [
  { team: 'madrid_repair', cities: ['madrid'] },
  { team: 'bcn_repair', cities: ['barcelona', 'valencia'] },
];

function rule(input) {
  const order = input.order;
  if (order.team) return [];
  const visit = order.customFields.visitAddress;
  const address = visit && visit.address ? visit.address : '';
  const match = TEAMS_BY_CITY.find((entry) => keywords.any(address, entry.cities));
  if (!match) {
    log('no team serves', address);
    return [];
  }
  return [{ type: 'assign', team: match.team, reason: 'visit address in ' + match.cities.join('/') }];
}
