/*
 * Doorbraak's configuration of Camunda Cockpit: it replaces the webjar's scripts/config.js
 * (docs/tasklist.md). Only Tasklist speaks Dutch; Cockpit keeps Camunda's English texts.
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Doorbraak'
  },
  disableWelcomeMessage: true
};
