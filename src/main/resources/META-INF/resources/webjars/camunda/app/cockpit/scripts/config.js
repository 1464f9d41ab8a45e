// Gatehouse's Cockpit configuration: Camunda's defaults (its own config.js sets nothing) and the audit trail's plugin,
// README "Where auditors look". Paths are relative to app/cockpit/.
export default {
  customScripts: ['scripts/gatehouse-audit/plugin']
};
