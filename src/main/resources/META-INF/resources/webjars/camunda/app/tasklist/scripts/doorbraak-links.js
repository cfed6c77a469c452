/*
 * Doorbraak's links in Tasklist's header: a reviewer sets which e-mails they get (every new task at
 * once, a daily digest, or none) on Doorbraak's own page, so Tasklist links to it where its other
 * actions are. Loaded through customScripts in config.js.
 */
export default [{
  id: 'doorbraak.notification-preferences',
  pluginPoint: 'tasklist.navbar.action',
  priority: 5,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/mijn-e-mailmeldingen';
    link.textContent = 'Mijn e-mailmeldingen';
    link.className = 'doorbraak-notification-preferences';
    node.appendChild(link);
  }
}];
