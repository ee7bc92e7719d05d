// The alerting engine: Setup choices → desired state → plan → apply, over a GrafanaApi.
// Pure and async functions only; the Setup page renders their results.
export * from './desired-state';
export * from './errors';
export {
  plan,
  planFrom,
  payloadOf,
  rulesToWrite,
  writeSteps,
  isPlan,
  type Plan,
  type PlanOptions,
  type GroupPlan,
  type RulePlan,
  type RuleAction,
  type GroupAction,
  type PlanCounts,
  type WriteStep,
} from './plan';
export * from './apply';
export {
  MANAGED_LABEL,
  MANAGED_LABEL_VALUE,
  REDACTED,
  FSM_CONTACT_POINT_UID,
  DEFAULT_CONTACT_POINT_NAME,
  mergeManagedRoute,
  isManagedRoute,
  type ContactPointChoice,
  type NewContactPointChoice,
  type RoutingChoice,
  type MuteTimingChoice,
  type NotificationChoices,
  type NotificationPlanItem,
  type NotificationAction,
  type DesiredContactPoint,
  storedSecret,
} from './notifications';
export type { DashboardPlan, AppSettingsPlan } from './extras';
export { capabilitiesOf, type GrafanaCapabilities } from './capabilities';
export { readWorld, type World } from './world';
export { CONTENT_HASH_ANNOTATION, ruleContentHash, type FieldChange } from './hash';
export { detectRuleProvenance } from './detect';
export { describeMode, type ProvenanceMode, type ExistingProvenance } from './provenance';
