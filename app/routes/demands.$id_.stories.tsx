import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StoryList } from "~/components/story-list";
import { listReadableStories } from "~/models/story.server";
import { getCurrentMember } from "~/members/session.server";
import { loadDemand } from "~/demands/access.server";
import { readerHiding, sqlStoryViewer, storyListCard } from "~/stories/reader.server";
import { db } from "~/utils/db.server";
import { parsePage } from "~/utils/ids";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, args.data ? `Stories about “${args.data.demand.title}”` : "Stories");

/** Every story about one demand that this reader may read and does not hide, newest first, 20 a page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await getCurrentMember(request);
  const { demand } = await loadDemand(params.id, member);
  const page = parsePage(new URL(request.url).searchParams.get("page"), 500);
  const hiding = await readerHiding(request, member);
  const { stories, hasMore } = await listReadableStories(db, sqlStoryViewer(member), { page, demandId: demand.id, ...hiding });
  return {
    demand: { id: demand.id, title: demand.title, open: demand.stage !== "draft" },
    stories: stories.map(storyListCard),
    hasMore,
    page,
    // A member's hidden notes are applied in the query itself; a signed-out reader's come from their cookie.
    hidesSome: member ? null : (hiding.hiding?.length ?? 0) > 0,
    signedIn: Boolean(member),
  };
}

export default function DemandStories() {
  const { demand, stories, hasMore, page, hidesSome, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/demands/${demand.id}`}>Back to the demand</Link>
      </p>
      <div className="page-heading">
        <h1>Stories about &ldquo;{demand.title}&rdquo;</h1>
        <p className="lead">What happened to people, in their own words, behind this demand. Newest first.</p>
      </div>
      {signedIn && demand.open ? (
        <p>
          <Link to={`/stories/new?demand=${demand.id}`} className="button">
            Tell your story
          </Link>
        </p>
      ) : null}
      <p className="small">
        {hidesSome === false ? "" : hidesSome ? "Stories with content notes you chose to hide are left out. " : "Stories with content notes you chose to hide, if any, are left out. "}
        <Link to="/stories#hide-heading">Choose which stories you hide</Link>.
      </p>
      {stories.length ? <StoryList stories={stories} headingLevel={2} /> : <p>{page > 1 ? "There are no more stories." : "No stories to show yet."}</p>}
      <nav className="pagination" aria-label="Pages of stories">
        {page > 1 ? <Link to={page === 2 ? "?" : `?page=${page - 1}`}>Previous page</Link> : null}
        {hasMore ? <Link to={`?page=${page + 1}`}>Next page</Link> : null}
      </nav>
    </>
  );
}
