/**
 * promtool cases for the chrony alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

export const chronyPromtoolCases: PromtoolCases = {
  down: {
    fires: {
      series: [{ series: 'chrony_up{job="chrony",instance="host-1:9123"}', values: '1x5 0x20' }],
      evalTime: '20m',
      labels: { job: 'chrony', instance: 'host-1:9123' },
    },
    quiet: {
      series: [
        {
          series: 'chrony_up{job="chrony",instance="host-1:9123"}',
          values: '1x5 0 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1',
        },
      ],
      evalTime: '20m',
    },
  },
  unsynchronised: {
    fires: {
      series: [{ series: 'chrony_tracking_stratum{job="chrony",instance="host-1:9123"}', values: '2x5 16x25' }],
      evalTime: '25m',
      labels: { job: 'chrony', instance: 'host-1:9123' },
    },
    quiet: {
      series: [{ series: 'chrony_tracking_stratum{job="chrony",instance="host-1:9123"}', values: '3x30' }],
      evalTime: '25m',
    },
  },
  'clock-error': {
    fires: {
      series: [
        { series: 'chrony_tracking_last_offset_seconds{job="chrony",instance="host-1:9123"}', values: '-0.15x30' },
        {
          series: 'chrony_tracking_root_dispersion_seconds{job="chrony",instance="host-1:9123"}',
          values: '0.01x30',
        },
        { series: 'chrony_tracking_root_delay_seconds{job="chrony",instance="host-1:9123"}', values: '0.02x30' },
      ],
      evalTime: '20m',
      labels: { job: 'chrony', instance: 'host-1:9123' },
    },
    quiet: {
      series: [
        {
          series: 'chrony_tracking_last_offset_seconds{job="chrony",instance="host-1:9123"}',
          values: '-0.00002x30',
        },
        {
          series: 'chrony_tracking_root_dispersion_seconds{job="chrony",instance="host-1:9123"}',
          values: '0.001x30',
        },
        { series: 'chrony_tracking_root_delay_seconds{job="chrony",instance="host-1:9123"}', values: '0.005x30' },
      ],
      evalTime: '20m',
    },
  },
  'clock-error-critical': {
    fires: {
      series: [
        { series: 'chrony_tracking_last_offset_seconds{job="chrony",instance="host-1:9123"}', values: '1.5x30' },
        {
          series: 'chrony_tracking_root_dispersion_seconds{job="chrony",instance="host-1:9123"}',
          values: '0.01x30',
        },
        { series: 'chrony_tracking_root_delay_seconds{job="chrony",instance="host-1:9123"}', values: '0.02x30' },
      ],
      evalTime: '20m',
      labels: { job: 'chrony', instance: 'host-1:9123' },
    },
    quiet: {
      series: [
        { series: 'chrony_tracking_last_offset_seconds{job="chrony",instance="host-1:9123"}', values: '0.15x30' },
        {
          series: 'chrony_tracking_root_dispersion_seconds{job="chrony",instance="host-1:9123"}',
          values: '0.01x30',
        },
        { series: 'chrony_tracking_root_delay_seconds{job="chrony",instance="host-1:9123"}', values: '0.02x30' },
      ],
      evalTime: '20m',
    },
  },
  'local-reference': {
    fires: {
      series: [{ series: 'chrony_tracking_remote_reference{job="chrony",instance="host-1:9123"}', values: '0x30' }],
      evalTime: '25m',
      labels: { job: 'chrony', instance: 'host-1:9123' },
    },
    quiet: {
      series: [{ series: 'chrony_tracking_remote_reference{job="chrony",instance="host-1:9123"}', values: '1x30' }],
      evalTime: '25m',
    },
  },
  'source-unreachable': {
    fires: {
      series: [
        {
          series:
            'chrony_sources_reachability_ratio{job="chrony",instance="host-1:9123",source_address="192.0.2.10",source_name="ntp-a"}',
          values: '0.25x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'chrony', instance: 'host-1:9123', source_address: '192.0.2.10', source_name: 'ntp-a' },
    },
    quiet: {
      series: [
        {
          series:
            'chrony_sources_reachability_ratio{job="chrony",instance="host-1:9123",source_address="192.0.2.10",source_name="ntp-a"}',
          values: '1x30',
        },
      ],
      evalTime: '25m',
    },
  },
  falseticker: {
    fires: {
      series: [
        {
          series:
            'chrony_sources_state_info{job="chrony",instance="host-1:9123",source_address="192.0.2.10",source_mode="client",source_name="ntp-a",source_state="falseticker"}',
          values: '1x30',
        },
      ],
      evalTime: '25m',
      labels: {
        job: 'chrony',
        instance: 'host-1:9123',
        source_address: '192.0.2.10',
        source_mode: 'client',
        source_name: 'ntp-a',
        source_state: 'falseticker',
      },
    },
    quiet: {
      series: [
        {
          series:
            'chrony_sources_state_info{job="chrony",instance="host-1:9123",source_address="192.0.2.10",source_mode="client",source_name="ntp-a",source_state="sync"}',
          values: '1x30',
        },
      ],
      evalTime: '25m',
    },
  },
};
