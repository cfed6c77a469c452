/*
 * Doorbraak's configuration of Camunda Admin: it replaces the webjar's scripts/config.js
 * (docs/tasklist.md). Only Tasklist speaks Dutch; Admin keeps Camunda's English texts.
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Doorbraak'
  },
  disableWelcomeMessage: true
};
