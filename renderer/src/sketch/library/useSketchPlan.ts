import { useEffect, useState } from 'react';
import { sketchSessionSchema, type SketchSession } from '../../../../shared/api/sketchContract.js';
import { request } from '../../api/coreApi.js';

/** What the plan says of a sketchnote with no session, or when the core could not be asked. */
const NO_PLAN: SketchSession = { event: null, session: null };

/**
 * The event and planned session a sketchnote belongs to (`GET /api/sketches/:sketchId/session`),
 * read once per sketchnote; undefined while it is being asked.
 */
export function useSketchPlan(sketchId: string): SketchSession | undefined {
  const [plan, setPlan] = useState<{ sketchId: string; plan: SketchSession } | null>(null);
  useEffect(() => {
    let live = true;
    request(`sketches/${encodeURIComponent(sketchId)}/session`, sketchSessionSchema).then(
      (found) => live && setPlan({ sketchId, plan: found }),
      () => live && setPlan({ sketchId, plan: NO_PLAN }),
    );
    return () => {
      live = false;
    };
  }, [sketchId]);
  return plan?.sketchId === sketchId ? plan.plan : undefined;
}
