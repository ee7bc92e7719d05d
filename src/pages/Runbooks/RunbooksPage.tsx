import React, { useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { renderMarkdown } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { RUNBOOK_ASSET_PATH, RUNBOOK_BASE_URL } from '../../catalog/links';
import { EXPORTERS, LAYERS } from '../../catalog/runtime';
import { fetchErrorMessage } from '../../utils/fetchError';
import { fetchOnce } from '../../utils/fetchOnce';
import { runbookSections } from '../../utils/runbook';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; markdown: string };

/**
 * The runbooks every alert links to (`/a/<app>/runbooks/<exporter>#<alert id>`): generated Markdown
 * shipped beside the plugin and fetched on open, so no runbook text weighs on the bundle.
 */
// Keyed by exporter: another runbook starts from its own loading state.
export default function RunbooksPage() {
  const { exporter } = useParams();
  return <PluginPage>{exporter ? <Runbook key={exporter} exporterId={exporter} /> : <RunbookIndex />}</PluginPage>;
}

function RunbookIndex() {
  return (
    <Stack direction="column" gap={2}>
      <Text element="p">
        What each alert means and what to check first, with the expression and threshold that fired. Alert notifications
        link straight to their section.
      </Text>
      {[...LAYERS]
        .sort((a, b) => a.order - b.order)
        .map((layer) => (
          <Stack key={layer.id} direction="column" gap={0.5}>
            <Text element="h4">{layer.title}</Text>
            <Stack direction="row" gap={2} wrap="wrap">
              {EXPORTERS.filter((e) => e.layer === layer.id).map((e) => (
                <TextLink key={e.id} href={`${RUNBOOK_BASE_URL}/${e.id}`} inline={false}>
                  {e.title}
                </TextLink>
              ))}
            </Stack>
          </Stack>
        ))}
    </Stack>
  );
}

function Runbook({ exporterId }: { exporterId: string }) {
  // Only catalog ids reach the URL below: anything else in the path is answered here, not fetched.
  const known = EXPORTERS.find((e) => e.id === exporterId);
  const [state, setState] = useState<State>({ status: 'loading' });
  const { hash } = useLocation();

  useEffect(() => {
    if (!known) {
      return;
    }
    let current = true;
    fetchOnce<string>({
      url: `${RUNBOOK_ASSET_PATH}/${known.id}.md`,
      responseType: 'text',
      showErrorAlert: false,
    }).then(
      (response) => current && setState({ status: 'done', markdown: String(response.data) }),
      (error: unknown) => current && setState({ status: 'error', message: fetchErrorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [known]);

  const sections = useMemo(
    () =>
      state.status === 'done'
        ? runbookSections(state.markdown).map((s) => ({ id: s.id, html: renderMarkdown(s.markdown) }))
        : [],
    [state]
  );

  useEffect(() => {
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    target?.scrollIntoView();
  }, [hash, sections]);

  const back = (
    <TextLink href={RUNBOOK_BASE_URL} inline={false}>
      All runbooks
    </TextLink>
  );
  if (!known) {
    return (
      <Alert severity="warning" title={`There is no runbook for "${exporterId}"`}>
        The catalog has no exporter with that id. {back}
      </Alert>
    );
  }
  if (state.status === 'loading') {
    return <LoadingPlaceholder text={`Loading the ${known.title} runbook…`} />;
  }
  if (state.status === 'error') {
    return (
      <Alert severity="error" title={`Could not load the ${known.title} runbook`}>
        {state.message}. The runbooks are files of the plugin ({RUNBOOK_ASSET_PATH}/): check that the plugin is
        installed completely. {back}
      </Alert>
    );
  }
  return (
    <Stack direction="column" gap={1}>
      {back}
      {sections.map((s, i) => (
        // Sanitised by renderMarkdown (Grafana's own sanitiser); the ids are set here because it drops them.
        <section
          key={s.id ?? `intro-${i}`}
          id={s.id}
          className="markdown-html"
          dangerouslySetInnerHTML={{ __html: s.html }}
        />
      ))}
    </Stack>
  );
}
