/** awesome-prometheus-alerts has no releases: its rules file is read at this commit (2026-08-01). */
export const APA_COMMIT = 'a8533189af0246de5e21a6d8d25bd37816894f07';
export const APA_URL = `https://github.com/samber/awesome-prometheus-alerts/blob/${APA_COMMIT}/_data/rules.yml`;
