'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { keys } from '@/components/data/keys';
import { XmlEditor, type XmlWords } from '@/components/xml/xml-editor';

const WORDS: XmlWords = {
  saved: 'Saved definition',
  live: 'Running',
  liveAbsent: 'Only while the network runs',
  editButton: 'Edit saved definition',
  editor: 'Network XML',
  savedNote: (running) => `Definition saved.${running ? ' The running network takes it on when it is stopped and started again.' : ''}`,
};

/** Live and saved XML; an edit replaces the saved definition, after a reviewed diff. */
export function NetworkXmlPanel({ name, live, inactive, canEdit }: { name: string; live: string | null; inactive: string; canEdit: boolean }) {
  const host = useHostId();
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="network-xml">
      <h2 className="font-semibold">XML</h2>
      <XmlEditor
        live={live}
        inactive={inactive}
        canEdit={canEdit}
        saveUrl={`${keys.network(host, name)}/xml`}
        touches={[keys.network(host, name), keys.networks(host)]}
        words={WORDS}
        firstView="live"
      />
    </section>
  );
}
