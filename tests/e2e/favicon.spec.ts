import { expect, test } from "./support/test";

// Every page load asks for /favicon.ico; it used to answer 404 (one error line per page in the log).
test("the portal answers /favicon.ico with an icon, signed in or not", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\//);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // the ICO signature
});
