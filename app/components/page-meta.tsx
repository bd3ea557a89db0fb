import { Meta } from "@remix-run/react";
import { useContext } from "react";
import { UNSAFE_DataRouterStateContext as RouterStateContext } from "react-router-dom";
import { FORM_REFUSED, isRefusedForm } from "~/utils/meta";

/**
 * Remix's <Meta>, told whether the page shows a form the server refused, so that pageTitle can
 * begin the title "Error: ". Remix gives meta functions loader data only, never an action's answer;
 * the router's state has both (on the server's first render and after a submit in the browser), so
 * this passes the one fact on as part of the root route's data, for this render only.
 */
export function PageMeta() {
  const state = useContext(RouterStateContext);
  const refused = state?.actionData ? Object.values(state.actionData).some(isRefusedForm) : false;
  if (!state || !refused) return <Meta />;
  const root: unknown = state.loaderData.root;
  const marked = { ...state, loaderData: { ...state.loaderData, root: { ...(typeof root === "object" ? root : {}), [FORM_REFUSED]: true } } };
  return (
    <RouterStateContext.Provider value={marked}>
      <Meta />
    </RouterStateContext.Provider>
  );
}
