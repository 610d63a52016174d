import { boardDownload } from "../download";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; boardId: string }> }): Promise<Response> {
  return boardDownload(request, params, "csv");
}
