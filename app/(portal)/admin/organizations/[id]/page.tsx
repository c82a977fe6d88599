import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { OrganizationMembers } from "@/components/admin/organization-members";
import { OrganizationTeams } from "@/components/admin/organization-teams";
import { ReportDueSetting } from "@/components/admin/report-due-setting";
import { ReportRecipients } from "@/components/notifications/report-recipients";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { Timestamp } from "@/components/ui/timestamp";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { listOrganizationContacts } from "@/lib/notifications/list-contacts";
import { getOrganizationDetail } from "@/lib/organizations/get-organization-detail";
import { TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import {
  getReportDueBusinessDays,
  REPORT_DUE_DAYS_MAX,
  REPORT_DUE_DAYS_MIN,
} from "@/lib/organizations/report-due-setting";
import { cancelInvitationAction, inviteMemberAction, renameOrganizationAction } from "../actions";
import { setReportDueDaysAction } from "./report-due-actions";

export const metadata: Metadata = { title: "Organization" };

export default async function AdminOrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminConsole();
  const { id } = await params;
  const detail = await getOrganizationDetail(getDb(), id);
  if (!detail) notFound();
  const { organization, members, teams, pendingInvitations } = detail;
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const viewerZone = await viewerTimeZone();
  const defaultRecipients = await listOrganizationContacts(getDb(), organization.id);
  const reportDueDays = await getReportDueBusinessDays(getDb(), organization.id);
  return (
    <section className="flex flex-col gap-6">
      <div>
        <Link href="/admin/organizations" className="text-sm text-indigo-700">
          ← Organizations
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="organization-name">
          {organization.name}
        </h1>
        <p className="text-sm text-slate-600">
          Slug <code>{organization.slug}</code> ·{" "}
          <Link
            className="text-indigo-700 underline"
            href={`/admin/bookings?view=all&organization=${organization.id}`}
          >
            its bookings
          </Link>{" "}
          ·{" "}
          <Link
            className="text-indigo-700 underline"
            href={`/admin/audit?resourceType=organization&resourceId=${organization.id}`}
          >
            its audit trail
          </Link>
        </p>
        {organization.slug === TRIAGE_ORGANIZATION_SLUG && (
          <p className="mt-2 rounded-md bg-amber-100 p-3 text-sm text-amber-900">
            Acuity bookings whose organization could not be resolved land here. Open its bookings and move
            each to its organization and team.
          </p>
        )}
        <ActionForm
          action={renameOrganizationAction}
          submitLabel="Rename"
          variant="secondary"
          successText="Renamed."
          className="mt-3 flex flex-wrap items-end gap-2"
        >
          <input type="hidden" name="organizationId" value={organization.id} />
          <FormField label="Name" name="name" id="rename-organization-name" size="compact">
            <input
              name="name"
              defaultValue={organization.name}
              required
              className={`${compactControlClass} w-72`}
            />
          </FormField>
        </ActionForm>
      </div>

      <ReportDueSetting
        organizationId={organization.id}
        organizationName={organization.name}
        businessDays={reportDueDays}
        min={REPORT_DUE_DAYS_MIN}
        max={REPORT_DUE_DAYS_MAX}
        action={setReportDueDaysAction}
      />

      <OrganizationMembers organizationId={organization.id} members={members} teams={teams} />
      <OrganizationTeams organizationId={organization.id} teams={teams} members={members} />

      <section
        aria-labelledby="default-recipients-heading"
        data-testid="default-recipients"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="default-recipients-heading" className="font-medium">
          Default report recipients ({defaultRecipients.length})
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Copied onto each new booking of {organization.name}, made in the portal or in Acuity: they receive
          its notices by e-mail, the report-ready notice included. Changing this list leaves existing bookings
          as they are.
        </p>
        <ReportRecipients
          scope={{ organizationId: organization.id }}
          recipients={defaultRecipients}
          headingId="default-recipients-heading"
        />
      </section>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Invite by e-mail</h2>
        <p className="text-sm text-slate-600">
          The person receives a link to choose a password and join. In the embedded default, read the e-mail
          in the Outbox.
        </p>
        <ActionForm
          action={inviteMemberAction}
          submitLabel="Send invitation"
          successText="Invitation sent."
          className="mt-2 flex flex-wrap items-end gap-3"
          testId="invite-form"
        >
          <input type="hidden" name="organizationId" value={organization.id} />
          <FormField label="E-mail" name="email" id="invite-email" size="compact">
            <input name="email" type="email" required className={`${compactControlClass} w-64`} />
          </FormField>
          <FormField label="Role" name="role" id="invite-role" size="compact">
            <select name="role" defaultValue="member" className={compactControlClass}>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
              <option value="owner">Owner</option>
            </select>
          </FormField>
          <FormField label="Team (optional)" name="teamId" id="invite-team" size="compact">
            <select name="teamId" defaultValue="" className={compactControlClass}>
              <option value="">— none —</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </FormField>
        </ActionForm>
        {pendingInvitations.length > 0 && (
          <ul className="mt-4 divide-y divide-slate-100 text-sm">
            {pendingInvitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-3 py-2">
                <span className="font-medium">{inv.email}</span>
                <span className="text-slate-600">
                  {inv.role}
                  {inv.teamId
                    ? ` · ${inv.teamId
                        .split(",")
                        .map((t) => teamName.get(t) ?? t)
                        .join(", ")}`
                    : ""}
                </span>
                <span className="text-xs text-slate-500">
                  expires <Timestamp instant={inv.expiresAt} viewerZone={viewerZone} />
                </span>
                <ActionForm
                  action={cancelInvitationAction}
                  submitLabel="Cancel invitation"
                  variant="secondary"
                  className="ml-auto"
                >
                  <input type="hidden" name="invitationId" value={inv.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
