/** A group's detail: the members it gains and loses, by name where they are in the file, and their CSV. */
import type { PendingChange } from '../../shared/model/csexport-model.js';
import type { ObjectDetails } from '../../shared/app/ipc-contract.js';
import { memberChanges, type MemberRow } from '../../shared/csv/member-rows.js';
import { formatCount } from '../format.js';

interface GroupMembersProps {
  group: PendingChange;
  references: ObjectDetails['references'];
  onExport: () => void;
}

/** Enough to read through; the CSV has them all. */
const MEMBERS_LISTED = 200;

function MemberList({ title, members, references }: { title: string; members: MemberRow[]; references: ObjectDetails['references'] }) {
  if (members.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({formatCount(members.length)})
      </h4>
      <ul className="member-list">
        {members.slice(0, MEMBERS_LISTED).map(({ dn }, i) => {
          const target = references[dn];
          return (
            <li key={`${dn}-${i}`}>
              {target ? (
                <>
                  <strong>{target.userPrincipalName || target.displayName}</strong>
                  {target.userPrincipalName && target.displayName ? ` (${target.displayName})` : ''}
                </>
              ) : (
                <>
                  {dn} <span className="badge">not in this file</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {members.length > MEMBERS_LISTED && <p className="muted">and {formatCount(members.length - MEMBERS_LISTED)} more: export them to CSV.</p>}
    </>
  );
}

export function GroupMembers({ group, references, onExport }: GroupMembersProps) {
  const members = memberChanges(group);
  if (members.length === 0) return null;
  return (
    <section aria-label="Member changes">
      <h3>Members</h3>
      <MemberList title="Removed" members={members.filter((m) => m.change === 'removed')} references={references} />
      <MemberList title="Added" members={members.filter((m) => m.change === 'added')} references={references} />
      <button type="button" className="button" onClick={onExport}>
        Export members to CSV…
      </button>
    </section>
  );
}
