import type { ExporterEvidence, MetricEvidence, SourceRef } from './types';

// MauveSoftware/ilo_exporter: one Redfish collector per package. The `ilo_` prefix starts at 1.0.0
// (0.3.x exported `ilo4_*`, which the pack does not read).
const ALL: [string, ...string[]] = ['1.0.0', '1.0.2', '1.0.3', 'v1.0.4'];
const at = (file: string, tags: [string, ...string[]] = ALL): [SourceRef, ...SourceRef[]] => [{ tags, file }];
const metric = (labels: string[], sources: [SourceRef, ...SourceRef[]], extra: Partial<MetricEvidence> = {}) => ({
  labels,
  sources,
  ...extra,
});

const HEALTH_NOTE =
  'common/status.go HealthValue: 1 when Status.Health is "OK" (any case), else 0 — also when there is no Health';
const DISK_OLD = ['host', 'location', 'model', 'media_type'];
const DISK = [...DISK_OLD, 'name', 'serial_number'];

export const iloEvidence: ExporterEvidence = {
  exporter: 'ilo',
  repository: 'MauveSoftware/ilo_exporter',
  supported: { oldest: '1.0.0', current: 'v1.0.4' },
  families: [
    {
      name: 'ilo_exporter 1.0.0 – 1.0.2',
      differs:
        'disk series carry host, location, model and media_type only; no ilo_storage_disk_failure_predicted; ilo_system_info and the manager module only from 1.0.2',
    },
    {
      name: 'ilo_exporter 1.0.3 – 1.0.4',
      differs: 'disk series add name and serial_number; ilo_storage_disk_failure_predicted exists',
    },
  ],
  metrics: {
    ilo_power_up: metric(['host'], at('pkg/system/collector.go'), {
      note: '1 when PowerState is "On" (system/system.go PowerUpValue); a failed GET of Systems/1 (pkg/client/api_client.go: a transport error or any status ≥ 300, e.g. 401) is only logged, and the empty System still sends 0, so on 1.0.0 – 1.0.1 an unreadable iLO reads as powered off',
    }),
    ilo_system_info: metric(
      ['host', 'uuid', 'serial', 'sku', 'model', 'host_name', 'bios_version'],
      at('pkg/system/collector.go', ['1.0.2', '1.0.3', 'v1.0.4']),
      {
        versions: '≥ 1.0.2',
        note: 'sent even when the GET of Systems/1 failed, then with every label "" (the empty System struct, system.go): the sign of a failed read',
      }
    ),
    ilo_system_scrape_duration_second: metric(['host'], at('pkg/system/collector.go'), {
      note: 'only when the memory, processor and storage reads all succeeded (CollectorContext ErrCount 0)',
    }),
    ilo_chassis_scrape_duration_second: metric(['host'], at('pkg/chassis/collector.go'), {
      note: 'sent even when the power and thermal reads fail (their errors are counted, not checked)',
    }),
    ilo_manager_scrape_duration_second: metric(['host'], at('pkg/manager/collector.go', ['1.0.2', '1.0.3', 'v1.0.4']), {
      versions: '≥ 1.0.2',
      note: 'not sent when the GET of Managers/1 fails (Collect returns first)',
    }),
    ilo_power_current_watt: metric(['host', 'id'], at('pkg/chassis/power/metrics.go'), {
      note: 'one series per PowerControl entry (label id)',
    }),
    ilo_power_average_watt: metric(['host', 'id'], at('pkg/chassis/power/metrics.go')),
    ilo_power_capacity_watt: metric(['host', 'id'], at('pkg/chassis/power/metrics.go')),
    ilo_power_supply_healthy: metric(['host', 'serial'], at('pkg/chassis/power/metrics.go'), {
      note: `${HEALTH_NOTE}; supplies with State "Absent" are skipped`,
    }),
    ilo_chassis_fan_healthy: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go'), {
      note: `${HEALTH_NOTE}; only Offline/UnavailableOffline fans are skipped, so an empty bay (State "Absent", no Health) reads 0`,
    }),
    ilo_chassis_fan_enabled: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go'), {
      note: 'common/status.go EnabledValue: 1 only when Status.State is "Enabled"',
    }),
    ilo_chassis_fan_current_percent: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go')),
    ilo_chassis_temperature_current: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go')),
    ilo_chassis_temperature_critical: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go'), {
      note: 'UpperThresholdCritical; 0 when the sensor has none (the queries keep only > 0)',
    }),
    ilo_chassis_temperature_healthy: metric(['host', 'name'], at('pkg/chassis/thermal/metrics.go'), {
      note: `${HEALTH_NOTE}; sensors with State "Absent" or "Offline" are skipped`,
    }),
    ilo_memory_dimm_healthy: metric(['host', 'name'], at('pkg/system/memory/metrics.go'), {
      note: 'memory/memory_dimm.go IsValid() skips only an iLO 4 DIMM whose DIMMStatus is "Unknown" and a Redfish one with neither Status.State nor Oem.Hpe.DIMMStatus: an empty iLO 5 slot (State "Absent") is exported, its value from Status.Health. 1 for iLO 4 DIMMStatus "GoodInUse", else Status.Health OK; from v1.0.4 (6a68dc3) also Oem.Hpe.DIMMStatus "GoodInUse" when Health is not OK',
    }),
    ilo_memory_dimm_byte: metric(['host', 'name'], at('pkg/system/memory/metrics.go'), { note: 'SizeMB << 20' }),
    ilo_processor_healthy: metric(['host', 'socket', 'model'], at('pkg/system/processor/metrics.go')),
    ilo_storage_disk_healthy: metric(DISK, at('pkg/system/storage/metrics.go'), {
      note: 'name and serial_number only ≥ 1.0.3',
    }),
    ilo_storage_disk_capacity_byte: metric(DISK, at('pkg/system/storage/metrics.go'), {
      note: 'storage/disk_drive.go CapacityBytes: CapacityMB << 10 (KiB under a byte name) when the iLO gives MiB; name and serial_number only ≥ 1.0.3',
    }),
    ilo_storage_disk_failure_predicted: metric(DISK, at('pkg/system/storage/metrics.go', ['1.0.3', 'v1.0.4']), {
      versions: '≥ 1.0.3',
    }),
  },
};
