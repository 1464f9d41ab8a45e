// Gatehouse's Cockpit configuration: Camunda's defaults (its own config.js sets nothing), the audit trail's plugin
// (README "Where auditors look"), the outside organisations' and the admin views (README "Where admins look"). Paths
// are relative to app/cockpit/.
export default {
  customScripts: ['scripts/gatehouse-audit/plugin', 'scripts/gatehouse-organisations/plugin', 'scripts/gatehouse-admin/plugin']
};
