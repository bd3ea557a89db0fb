// Routes reach the database through this `.server` module, so the browser bundle never includes it.
export { db } from "../../db";
