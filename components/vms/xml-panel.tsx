'use client';

import { useHostId } from '@/components/hosts/host-scope';
import { keys } from '@/components/data/keys';
import { XmlEditor, type XmlWords } from '@/components/xml/xml-editor';

const WORDS: XmlWords = {
  saved: 'Persistent definition',
  live: 'Live',
  liveAbsent: 'Only while running',
  editButton: 'Edit persistent XML',
  editor: 'Persistent XML',
  savedNote: (running) => `Definition saved.${running ? ' Changes apply at the next start of the virtual machine.' : ''}`,
};

export function XmlPanel({ name, live, inactive, canEdit }: { name: string; live: string | null; inactive: string; canEdit: boolean }) {
  const host = useHostId();
  return (
    <XmlEditor
      live={live}
      inactive={inactive}
      canEdit={canEdit}
      saveUrl={`${keys.vm(host, name)}/xml`}
      touches={[keys.vm(host, name), keys.hardware(host, name)]}
      words={WORDS}
    />
  );
}
