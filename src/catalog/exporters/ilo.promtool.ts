/**
 * promtool cases for the ilo alerts: for each alert, series on which it fires and series on which it stays quiet.
 * Test-only: `npm run generate` renders them into tests/promtool/; the shipped catalog never carries them.
 */
import type { PromtoolCases } from '../promtool-cases';

const SENSOR_LABELS = { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', name: '02-CPU 1' };

const SENSOR = 'job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="02-CPU 1"';

const DISK_LABELS = {
  job: 'ilo',
  instance: 'ilo-exporter:9545',
  host: 'ilo-b',
  location: '1I:1:2',
  media_type: 'HDD',
  model: 'MB012000JWDFD',
  serial_number: 'ZL2ABCD2',
};

// promtool test series, labelled as ilo_exporter labels them behind a multi-target scrape.
const DISK =
  'job="ilo",instance="ilo-exporter:9545",host="ilo-b",location="1I:1:2",media_type="HDD",model="MB012000JWDFD",serial_number="ZL2ABCD2"';

export const iloPromtoolCases: PromtoolCases = {
  'psu-unhealthy': {
    fires: {
      series: [
        {
          series: 'ilo_power_supply_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",serial="PSU1"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', serial: 'PSU1' },
    },
    quiet: {
      series: [
        {
          series: 'ilo_power_supply_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",serial="PSU1"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'fan-unhealthy': {
    fires: {
      series: [
        {
          series: 'ilo_chassis_fan_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="Fan 2"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', name: 'Fan 2' },
    },
    quiet: {
      series: [
        {
          series: 'ilo_chassis_fan_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="Fan 2"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'temp-sensor-unhealthy': {
    fires: {
      series: [
        {
          series:
            'ilo_chassis_temperature_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="02-CPU 1"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', name: '02-CPU 1' },
    },
    quiet: {
      series: [
        {
          series:
            'ilo_chassis_temperature_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="02-CPU 1"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'dimm-unhealthy': {
    fires: {
      series: [
        {
          series: 'ilo_memory_dimm_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="proc1dimm1"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', name: 'proc1dimm1' },
    },
    quiet: {
      series: [
        {
          series: 'ilo_memory_dimm_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",name="proc1dimm1"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'cpu-unhealthy': {
    fires: {
      series: [
        {
          series:
            'ilo_processor_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",model="Xeon",socket="Proc 1"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', model: 'Xeon', socket: 'Proc 1' },
    },
    quiet: {
      series: [
        {
          series:
            'ilo_processor_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",model="Xeon",socket="Proc 1"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'disk-unhealthy': {
    fires: {
      series: [
        {
          series:
            'ilo_storage_disk_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",location="1I:1:2",media_type="HDD",model="MB012000JWDFD",name="12TB 6G SATA HDD",serial_number="ZL2ABCD2"}',
          values: '1x5 0x20',
        },
      ],
      evalTime: '20m',
      labels: {
        job: 'ilo',
        instance: 'ilo-exporter:9545',
        host: 'ilo-b',
        location: '1I:1:2',
        media_type: 'HDD',
        model: 'MB012000JWDFD',
        name: '12TB 6G SATA HDD',
        serial_number: 'ZL2ABCD2',
      },
    },
    quiet: {
      series: [
        {
          series:
            'ilo_storage_disk_healthy{job="ilo",instance="ilo-exporter:9545",host="ilo-b",location="1I:1:2",media_type="HDD",model="MB012000JWDFD",name="12TB 6G SATA HDD",serial_number="ZL2ABCD2"}',
          values: '1x25',
        },
      ],
      evalTime: '20m',
    },
  },
  'disk-failure-predicted': {
    fires: {
      series: [{ series: `ilo_storage_disk_failure_predicted{${DISK}}`, values: '0x5 1x20' }],
      evalTime: '20m',
      labels: DISK_LABELS,
    },
    quiet: {
      series: [{ series: `ilo_storage_disk_failure_predicted{${DISK}}`, values: '0x25' }],
      evalTime: '20m',
    },
  },
  'temp-headroom-low': {
    fires: {
      series: [
        { series: `ilo_chassis_temperature_current{${SENSOR}}`, values: '62x30' },
        { series: `ilo_chassis_temperature_critical{${SENSOR}}`, values: '70x30' },
      ],
      evalTime: '20m',
      labels: SENSOR_LABELS,
    },
    quiet: {
      series: [
        { series: `ilo_chassis_temperature_current{${SENSOR}}`, values: '48x30' },
        { series: `ilo_chassis_temperature_critical{${SENSOR}}`, values: '70x30' },
      ],
      evalTime: '20m',
    },
  },
  'temp-headroom-critical': {
    fires: {
      series: [
        { series: `ilo_chassis_temperature_current{${SENSOR}}`, values: '68x30' },
        { series: `ilo_chassis_temperature_critical{${SENSOR}}`, values: '70x30' },
      ],
      evalTime: '20m',
      labels: SENSOR_LABELS,
    },
    quiet: {
      series: [
        { series: `ilo_chassis_temperature_current{${SENSOR}}`, values: '62x30' },
        { series: `ilo_chassis_temperature_critical{${SENSOR}}`, values: '70x30' },
      ],
      evalTime: '20m',
    },
  },
  'power-capacity-high': {
    fires: {
      series: [
        {
          series: 'ilo_power_current_watt{job="ilo",instance="ilo-exporter:9545",host="ilo-b",id="0"}',
          values: '1400x30',
        },
        {
          series: 'ilo_power_capacity_watt{job="ilo",instance="ilo-exporter:9545",host="ilo-b",id="0"}',
          values: '1600x30',
        },
      ],
      evalTime: '25m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b', id: '0' },
    },
    quiet: {
      series: [
        {
          series: 'ilo_power_current_watt{job="ilo",instance="ilo-exporter:9545",host="ilo-b",id="0"}',
          values: '350x30',
        },
        {
          series: 'ilo_power_capacity_watt{job="ilo",instance="ilo-exporter:9545",host="ilo-b",id="0"}',
          values: '1600x30',
        },
      ],
      evalTime: '25m',
    },
  },
  'powered-off': {
    fires: {
      series: [{ series: 'ilo_power_up{job="ilo",instance="ilo-exporter:9545",host="ilo-b"}', values: '1x5 0x20' }],
      evalTime: '20m',
      labels: { job: 'ilo', instance: 'ilo-exporter:9545', host: 'ilo-b' },
    },
    quiet: {
      series: [{ series: 'ilo_power_up{job="ilo",instance="ilo-exporter:9545",host="ilo-b"}', values: '1x25' }],
      evalTime: '20m',
    },
  },
};
